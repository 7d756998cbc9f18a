package cn.jintan.quality.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;

/**
 * Gives each {@link PipelineTest} class an empty installation, as a context of its own would, and
 * fills its {@link InstallationRoot} fields. Runs before the class's first instance (a per-class
 * instance may read the root in its field initialisers) or before its {@code @BeforeAll}, whichever comes first.
 */
final class FreshInstallation implements BeforeAllCallback, TestInstancePreConstructCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshInstallation.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        prepare(context);
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) throws Exception {
        prepare(context);
    }

    private static void prepare(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(testClass) != null) {
            return;
        }
        store.put(testClass, Boolean.TRUE);
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        PipelineInstallation installation = spring.getBean(PipelineInstallation.class);
        installation.reset(spring);
        for (Field field : testClass.getDeclaredFields()) {
            if (field.isAnnotationPresent(InstallationRoot.class)) {
                if (!Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers()) || field.getType() != Path.class) {
                    throw new IllegalStateException("@InstallationRoot needs a static, non-final Path field: " + field);
                }
                field.setAccessible(true);
                field.set(null, installation.root());
            }
        }
    }
}
