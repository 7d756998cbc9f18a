package cn.jintan.quality.testing;

import cn.jintan.quality.QualityBriefingApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of the real pipeline (Spring context, file-based H2, folders) on a temporary installation
 * that the context owns, so Spring's context cache gives every test class with the same settings
 * the same context. Each class starts on an empty installation (folders and tables cleared, see
 * {@link PipelineInstallation}); a static {@code @InstallationRoot Path root} receives its folder.
 * Classes that need other settings say so in {@link #properties()}, {@code @Import} or a
 * {@code @DynamicPropertySource} (which override the installation's folders), and get a context of their own.
 * Tagged {@value EmbeddedPostgresql#ON_EITHER}: {@code ./mvnw test -Ppostgres} runs them all again on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(classes = QualityBriefingApplication.class)
@ContextConfiguration(initializers = PipelineInstallation.class)
@ExtendWith(FreshInstallation.class)
@Tag(EmbeddedPostgresql.ON_EITHER)
public @interface PipelineTest {

    /** Settings other than the installation's folders, as {@code key=value}; each distinct set is a context of its own. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
