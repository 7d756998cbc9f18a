package cn.jintan.quality.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static {@code Path} field of a {@link PipelineTest} that receives the installation's root
 * folder ({@code input/}, {@code output/}, {@code data/} below it) before the class's first callback,
 * like {@code @TempDir} but shared with every class on the same Spring context.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface InstallationRoot {
}
