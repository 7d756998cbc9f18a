package cn.jintan.quality.testing;

import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This {@link PipelineTest} class runs on the embedded PostgreSQL ({@link EmbeddedPostgresql}),
 * whatever the run chose for the others: a context of its own, with a database of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = EmbeddedPostgresql.PROPERTY + "=postgresql")
public @interface OnPostgresql {
}
