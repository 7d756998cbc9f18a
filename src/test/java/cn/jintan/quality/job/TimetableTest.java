package cn.jintan.quality.job;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule's arithmetic over a day in Asia/Shanghai: intake passes 08:00..20:00 every 5 minutes, the nightly run at 02:00. */
class TimetableTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final Timetable timetable = new Timetable(CronExpression.parse("0 0 2 * * *"), Duration.ofMinutes(5),
            LocalTime.of(8, 0), LocalTime.of(20, 0), SHANGHAI);

    private static ZonedDateTime at(String time) {
        return LocalDateTime.parse("2020-12-01T" + time).atZone(SHANGHAI);
    }

    private Timetable.Due next(String now) {
        return timetable.next(at(now), at(now));
    }

    @Test
    void intakePassesEveryFiveMinutesWithinTheHoursBothEndsIncluded() {
        assertThat(next("07:59")).isEqualTo(new Timetable.Due(at("08:00"), Timetable.Kind.INTAKE));
        assertThat(next("08:00")).isEqualTo(new Timetable.Due(at("08:05"), Timetable.Kind.INTAKE));
        assertThat(next("10:03")).isEqualTo(new Timetable.Due(at("10:05"), Timetable.Kind.INTAKE));
        assertThat(next("10:05:00.001")).isEqualTo(new Timetable.Due(at("10:10"), Timetable.Kind.INTAKE));
        assertThat(next("19:58")).isEqualTo(new Timetable.Due(at("20:00"), Timetable.Kind.INTAKE));
        // after the last pass of the day: the nightly run, then the first pass of the next morning
        ZonedDateTime twoAm = at("02:00").plusDays(1);
        assertThat(next("20:00")).isEqualTo(new Timetable.Due(twoAm, Timetable.Kind.NIGHTLY));
        assertThat(next("20:01")).isEqualTo(new Timetable.Due(twoAm, Timetable.Kind.NIGHTLY));
        assertThat(timetable.next(twoAm, twoAm)).isEqualTo(new Timetable.Due(at("08:00").plusDays(1), Timetable.Kind.INTAKE));
        assertThat(next("01:59")).isEqualTo(new Timetable.Due(at("02:00"), Timetable.Kind.NIGHTLY));
    }

    @Test
    void aNightlyRunAnOverrunDelayedIsNeverSkippedWhileMissedPassesFoldIntoOne() {
        // a pass from 19:55 ran until 02:10: the 02:00 nightly run is due at once
        assertThat(timetable.next(at("20:00"), at("02:10").plusDays(1)))
                .isEqualTo(new Timetable.Due(at("02:00").plusDays(1), Timetable.Kind.NIGHTLY));
        // a pass due 10:00 ran until 10:12: 10:05 and 10:10 are not made up, the next is 10:15
        assertThat(timetable.next(at("10:00"), at("10:12"))).isEqualTo(new Timetable.Due(at("10:15"), Timetable.Kind.INTAKE));
    }

    @Test
    void theNightlyRunWinsWhenBothAreDue() {
        Timetable noon = new Timetable(CronExpression.parse("0 0 12 * * *"), Duration.ofMinutes(5),
                LocalTime.of(8, 0), LocalTime.of(20, 0), SHANGHAI);
        assertThat(noon.next(at("11:58"), at("11:58"))).isEqualTo(new Timetable.Due(at("12:00"), Timetable.Kind.NIGHTLY));
        assertThat(noon.next(at("12:00"), at("12:00"))).isEqualTo(new Timetable.Due(at("12:05"), Timetable.Kind.INTAKE));
    }

    @Test
    void withoutIntakeOnlyTheNightlyRun() {
        Timetable off = new Timetable(CronExpression.parse("0 0 2 * * *"), null, null, null, SHANGHAI);
        assertThat(off.intakeEnabled()).isFalse();
        assertThat(off.next(at("10:03"), at("10:03"))).isEqualTo(new Timetable.Due(at("02:00").plusDays(1), Timetable.Kind.NIGHTLY));
    }

    @Test
    void settingsAreCheckedAndZeroOrNothingTurnsPassesOff() {
        assertThat(Timetable.validEvery("5m")).isTrue();
        assertThat(Timetable.validEvery("10min")).isTrue();
        assertThat(Timetable.validEvery("1h")).isTrue();
        assertThat(Timetable.validEvery("0")).isTrue();
        assertThat(Timetable.validEvery("")).isTrue();
        assertThat(Timetable.every("0")).isEmpty();
        assertThat(Timetable.every("90s")).contains(Duration.ofSeconds(90));
        assertThat(Timetable.validEvery("5")).isFalse();
        assertThat(Timetable.validEvery("5 minutes")).isFalse();
        assertThat(Timetable.validEvery("5s")).isFalse();
        assertThat(Timetable.validEvery("13h")).isFalse();
        assertThat(Timetable.validHours("08:00-20:00")).isTrue();
        assertThat(Timetable.validHours("8:30 - 17:30")).isTrue();
        assertThat(Timetable.validHours("0")).isTrue();
        assertThat(Timetable.validHours("20:00-08:00")).isFalse();
        assertThat(Timetable.validHours("08:00-25:00")).isFalse();
        assertThat(Timetable.validHours("8-20")).isFalse();
    }
}
