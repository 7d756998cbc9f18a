package cn.jintan.quality;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Folders and settings of one installation ({@code qb.*}); the defaults are the folders of
 * {@code outputs.md}, relative to the working directory.
 *
 * @param maxFileMegabytes larger files are rejected with {@code file.too_large}
 * @param pausePerFile     a pause after checking each file, for crash tests and demonstrations only
 * @param scheduleCron     when {@code schedule} starts a run (Spring cron, in {@code zone})
 * @param rankingIndicator the figure key the briefing ranks units by (a stock key or a flow's _ytd key)
 * @param scheduleIntakeEvery how often {@code schedule} takes files during working hours ({@code 5m}; 0 or empty: never)
 * @param scheduleIntakeHours the working hours of those intake passes ({@code 08:00-20:00}, in {@code zone}; 0 or empty: none)
 * @param umask            permissions of what the pipeline creates under {@code data/} and {@code output/} ({@code 027})
 * @param backupKeep       database backups kept after completed runs (0: none)
 * @param intakeWorkers    intake partitions checked at once by this process's threads (0: as many as processors, at most 4)
 * @param intakeMode       {@code local}: partitions run on this process's threads; {@code remote}: on {@code worker}
 *                         processes sharing the PostgreSQL database
 * @param intakeWorkerTimeout remote intake: a worker silent this long is taken for dead, its partition failed
 *
 * <p>Every value is checked before a command starts, whatever its source ({@code config.StartupCheck}).
 */
@ConfigurationProperties("qb")
public record PipelineProperties(
        @DefaultValue("input") Path input,
        @DefaultValue("output") Path output,
        @DefaultValue("data") Path data,
        @DefaultValue("jobs") Path jobs,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("20") long maxFileMegabytes,
        @DefaultValue("金坛区市场监督管理局") String issuer,
        @DefaultValue("报送：区委、区政府领导　抄送：各镇（街道、板块）") String distribution,
        @DefaultValue("0s") java.time.Duration pausePerFile,
        @DefaultValue("0 0 2 * * *") String scheduleCron,
        @DefaultValue("financing_amount_ytd") String rankingIndicator,
        @DefaultValue("5m") String scheduleIntakeEvery,
        @DefaultValue("08:00-20:00") String scheduleIntakeHours,
        @DefaultValue(OutputFiles.DEFAULT_UMASK) String umask,
        @DefaultValue("7") int backupKeep,
        @DefaultValue("0") int intakeWorkers,
        @DefaultValue("local") String intakeMode,
        @DefaultValue("60s") java.time.Duration intakeWorkerTimeout) {

    /** Most threads a setting of 0 uses: beyond this the database, not the processors, is the limit. */
    static final int AUTO_WORKERS_MAX = 4;

    /** How many intake partitions this process runs at once: {@code intake.workers}, 0 meaning the processors, at most 4. */
    public int workers() {
        return intakeWorkers > 0 ? intakeWorkers : Math.min(Runtime.getRuntime().availableProcessors(), AUTO_WORKERS_MAX);
    }

    /** Whether intake partitions go to {@code worker} processes. */
    public boolean remoteIntake() {
        return "remote".equals(intakeMode);
    }

    public long maxFileBytes() {
        return maxFileMegabytes * 1024 * 1024;
    }

    /** Where the embedded database lives: {@code data/db/}. */
    public Path databaseFile() {
        return data.toAbsolutePath().normalize().resolve("db").resolve("quality");
    }

    /** Where every original received file is kept: {@code data/archive/}. */
    public Path archive() {
        return data.resolve("archive");
    }

    /** Where files an unexpected error kept from being checked are put aside: {@code data/quarantine/}. */
    public Path quarantine() {
        return data.resolve("quarantine");
    }
}
