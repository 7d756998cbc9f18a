package cn.jintan.quality.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The process clock, moved by a test from one moment to another (a day's schedule, a briefing
 * rendered again months later). {@code @Import(MovableClock.Config.class)} puts it in the context;
 * classes importing it share one cached context, so each test sets the time it needs first.
 */
public final class MovableClock extends Clock {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private volatile Instant instant = Instant.now();

    /** Local time in Asia/Shanghai, the zone of the installation. */
    public void set(LocalDateTime local) {
        instant = local.atZone(SHANGHAI).toInstant();
    }

    public void set(Instant instant) {
        this.instant = instant;
    }

    @Override
    public ZoneId getZone() {
        return SHANGHAI;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant, zone);
    }

    @Override
    public Instant instant() {
        return instant;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
