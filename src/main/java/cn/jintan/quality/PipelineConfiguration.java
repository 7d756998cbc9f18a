package cn.jintan.quality;

import cn.jintan.quality.config.JobsFiles;
import cn.jintan.quality.delivery.Recipients;
import cn.jintan.quality.domain.AnnualTargets;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.validation.SubmissionValidator;
import cn.jintan.quality.store.Database;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;

/** The beans every stage shares: clock, reference data, the database (embedded H2 or PostgreSQL). */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    @Bean
    Clock clock(PipelineProperties properties) {
        return Clock.system(properties.zone());
    }

    @Bean
    UnitRegistry unitRegistry(PipelineProperties properties) {
        return JobsFiles.units(properties.jobs());
    }

    @Bean
    AnnualTargets annualTargets(PipelineProperties properties) {
        return JobsFiles.targets(properties.jobs());
    }

    @Bean
    Recipients recipients(PipelineProperties properties) {
        return JobsFiles.recipients(properties.jobs());
    }

    @Bean
    SubmissionValidator submissionValidator(UnitRegistry registry, PipelineProperties properties) {
        return new SubmissionValidator(registry, properties.maxFileBytes());
    }

    @Bean
    Database database(Environment environment) {
        return Database.of(environment);
    }

    /**
     * PostgreSQL when {@code spring.datasource.url} is set (with {@code spring.datasource.username},
     * {@code .password}), else file-based H2 under {@code data/db/}. H2's file lock also keeps a
     * second process out while a run holds the database. WRITE_DELAY=0: a commit reaches the file at
     * once; H2's default (flush within a second) lets a killed run lose committed files, which then
     * never count. LOCK_TIMEOUT: a file waits for another of its unit and period to commit
     * (store.VersionLocks), longer than H2's default second with a large file. A
     * connection per intake thread and two more (job repository, manager); {@code
     * spring.datasource.hikari.*} overrides the pool's settings.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(PipelineProperties properties, Database database, Environment environment) {
        // data/ and output/ readable by owner and group only (qb.umask): set before anything is created
        OutputFiles.useUmask(properties.umask());
        HikariDataSource ds = new HikariDataSource();
        if (database == Database.POSTGRESQL) {
            ds.setJdbcUrl(environment.getProperty(Database.URL));
            ds.setUsername(environment.getProperty(Database.USERNAME));
            ds.setPassword(environment.getProperty(Database.PASSWORD));
        } else {
            OutputFiles.createDirectories(properties.databaseFile().getParent());
            ds.setJdbcUrl("jdbc:h2:file:" + properties.databaseFile() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=600000");
            ds.setUsername("sa");
            ds.setPassword("");
        }
        ds.setMaximumPoolSize(Math.max(4, properties.workers() + 2));
        ds.setPoolName("quality-db");
        return ds;
    }
}
