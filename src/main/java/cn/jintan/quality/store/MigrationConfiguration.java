package cn.jintan.quality.store;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

import java.util.Arrays;

/**
 * Migrations resume after a crash: H2 cannot roll DDL back, so a migration interrupted or failed
 * half-way is recorded as failed and would block every later start. Our migrations are
 * idempotent, so the failed record is removed (Flyway repair) and the migration runs again.
 * Then the figures of an indicator added to the dictionary since submissions were stored are
 * back-filled from their rows ({@link Tallies#takeMissing}).
 */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MigrationConfiguration.class);

    @Bean
    FlywayMigrationStrategy resumeInterruptedMigrations() {
        return flyway -> {
            boolean failed = Arrays.stream(flyway.info().all()).map(MigrationInfo::getState)
                    .anyMatch(state -> state == MigrationState.FAILED);
            if (failed) {
                log.warn("A database migration was interrupted earlier; running it again");
                flyway.repair();
            }
            flyway.migrate();
            // a database from before an indicator existed holds submissions without its tally: fill
            // them in once, as part of bringing it up to date, rather than checking on every figure
            DataSource dataSource = flyway.getConfiguration().getDataSource();
            new TransactionTemplate(new DataSourceTransactionManager(dataSource))
                    .executeWithoutResult(status -> new Tallies(JdbcClient.create(dataSource)).takeMissing());
        };
    }
}
