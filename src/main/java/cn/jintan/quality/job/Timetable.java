package cn.jintan.quality.job;

import cn.jintan.quality.PipelineProperties;
import org.springframework.scheduling.support.CronExpression;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When {@code schedule} does what: the nightly run at {@code schedule.cron}, and during working
 * hours ({@code schedule.intake.hours}, both ends included) an intake pass every
 * {@code schedule.intake.every}, counted from the start of the hours. Pure arithmetic on the
 * times it is given, so a whole day can be checked without waiting for it.
 */
public final class Timetable {

    /** What is due: the nightly run (intake, briefings, mail) or a daytime intake pass (receipts only). */
    public enum Kind { NIGHTLY, INTAKE }

    public record Due(ZonedDateTime time, Kind kind) {
    }

    private static final Pattern EVERY = Pattern.compile("(\\d{1,4})\\s*(s|m|min|h)");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");

    private final CronExpression cron;
    private final Duration every;
    private final LocalTime from;
    private final LocalTime to;
    private final ZoneId zone;

    /** @param every null: no intake passes */
    Timetable(CronExpression cron, Duration every, LocalTime from, LocalTime to, ZoneId zone) {
        this.cron = cron;
        this.every = every;
        this.from = from;
        this.to = to;
        this.zone = zone;
    }

    /** The timetable of checked settings ({@link #validEvery}, {@link #validHours}). */
    public static Timetable of(PipelineProperties properties) {
        Optional<LocalTime[]> hours = hours(properties.scheduleIntakeHours());
        Duration every = every(properties.scheduleIntakeEvery()).orElse(null);
        return new Timetable(CronExpression.parse(properties.scheduleCron()), hours.isPresent() ? every : null,
                hours.map(h -> h[0]).orElse(null), hours.map(h -> h[1]).orElse(null), properties.zone());
    }

    /** Whether intake passes happen at all. */
    public boolean intakeEnabled() {
        return every != null;
    }

    public Duration every() {
        return every;
    }

    public LocalTime from() {
        return from;
    }

    public LocalTime to() {
        return to;
    }

    /**
     * What to do next. A nightly run due since {@code lastDue} runs even when the previous run
     * overran it (it is never skipped); intake passes an overrun missed fold into the next one.
     * When both fall on the same time the nightly run wins: it takes the files too.
     *
     * @param lastDue the time the previous run was due (or the schedule started)
     */
    public Due next(ZonedDateTime lastDue, ZonedDateTime now) {
        ZonedDateTime nightly = nextNightly(lastDue);
        if (!nightly.isAfter(now) || every == null) {
            return new Due(nightly, Kind.NIGHTLY);
        }
        ZonedDateTime intake = nextIntake(now);
        return intake.isBefore(nightly) ? new Due(intake, Kind.INTAKE) : new Due(nightly, Kind.NIGHTLY);
    }

    public ZonedDateTime nextNightly(ZonedDateTime after) {
        return cron.next(after.withZoneSameInstant(zone));
    }

    /** The first intake time strictly after {@code now}: from, from + every, ... up to and including to. */
    ZonedDateTime nextIntake(ZonedDateTime now) {
        ZonedDateTime local = now.withZoneSameInstant(zone);
        for (int day = 0; day <= 1; day++) {
            ZonedDateTime start = ZonedDateTime.of(local.toLocalDate().plusDays(day), from, zone);
            ZonedDateTime end = ZonedDateTime.of(local.toLocalDate().plusDays(day), to, zone);
            if (local.isBefore(start)) {
                return start;
            }
            long passed = Duration.between(start, local).toNanos() / every.toNanos();
            ZonedDateTime slot = start.plus(every.multipliedBy(passed + 1));
            if (!slot.isAfter(end)) {
                return slot;
            }
        }
        throw new IllegalStateException("no intake time within two days"); // from < to: unreachable
    }

    /** {@code 5m}, {@code 90s}, {@code 1h}; empty for {@code 0} or nothing (no intake passes). */
    static Optional<Duration> every(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equals("0")) {
            return Optional.empty();
        }
        Matcher m = EVERY.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(text);
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
        return d.isZero() ? Optional.empty() : Optional.of(d);
    }

    /** {@code 08:00-20:00} (start before end, same day); empty for {@code 0} or nothing (no intake passes). */
    static Optional<LocalTime[]> hours(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equals("0")) {
            return Optional.empty();
        }
        Matcher m = HOURS.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(text);
        }
        LocalTime start = LocalTime.parse(pad(m.group(1)));
        LocalTime end = LocalTime.parse(pad(m.group(2)));
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException(text);
        }
        return Optional.of(new LocalTime[]{start, end});
    }

    private static String pad(String hhmm) {
        return hhmm.length() == 4 ? "0" + hhmm : hhmm;
    }

    /** For the start-up check: {@code 5m}, {@code 90s}, {@code 1h} (at least 10 seconds, at most 12 hours), or 0 / empty. */
    public static boolean validEvery(String text) {
        try {
            return every(text).map(d -> d.compareTo(Duration.ofSeconds(10)) >= 0 && d.compareTo(Duration.ofHours(12)) <= 0)
                    .orElse(true);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** For the start-up check: {@code HH:MM-HH:MM}, start before end, or 0 / empty. */
    public static boolean validHours(String text) {
        try {
            hours(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
