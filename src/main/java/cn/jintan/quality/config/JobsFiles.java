package cn.jintan.quality.config;

import cn.jintan.quality.delivery.Recipients;
import cn.jintan.quality.domain.AnnualTargets;
import cn.jintan.quality.domain.ConfigurationException;
import cn.jintan.quality.domain.UnitRegistry;

import java.nio.file.Path;
import java.util.Map;

/**
 * The one reader of the operators' folder {@code jobs/}: {@code pipeline.conf}, {@code units.tsv},
 * {@code targets.tsv}, {@code recipients.txt}. Every file is UTF-8 (a byte order mark and CRLF
 * allowed) with {@code #} comments; a bad line is a {@link ConfigurationException} naming file and line.
 */
public final class JobsFiles {

    private JobsFiles() {
    }

    /** The {@code qb.*} properties {@code pipeline.conf} sets, its values checked; none without the file. */
    public static Map<String, String> settings(Path jobsDir) {
        return JobsFile.load(jobsDir);
    }

    /** The reporting units; the file is required. */
    public static UnitRegistry units(Path jobsDir) {
        return UnitsFile.read(jobsDir);
    }

    /** The annual targets; none without the file. */
    public static AnnualTargets targets(Path jobsDir) {
        return TargetsFile.read(jobsDir);
    }

    /** Who receives the briefing; nobody without the file. */
    public static Recipients recipients(Path jobsDir) {
        return RecipientsFile.read(jobsDir);
    }

    /** Reads the files besides {@code pipeline.conf}, so a bad one stops a command before it starts. */
    static void checkTheOthers(Path jobsDir) {
        units(jobsDir);
        targets(jobsDir);
        recipients(jobsDir);
    }
}
