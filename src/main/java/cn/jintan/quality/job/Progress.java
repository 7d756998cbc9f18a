package cn.jintan.quality.job;

import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitRegistry;
import cn.jintan.quality.intake.Names;
import cn.jintan.quality.messages.Messages;
import cn.jintan.quality.store.StoredSubmission;
import org.springframework.stereotype.Component;

/**
 * One line per file for an operator watching a terminal; silent when output goes to a file or
 * cron's mail (the log says the same in English).
 */
@Component
class Progress {

    private final boolean terminal = System.console() != null;
    private final UnitRegistry registry;

    Progress(UnitRegistry registry) {
        this.registry = registry;
    }

    void fileDone(StoredSubmission s) {
        if (!terminal) {
            return;
        }
        Messages m = Messages.catalogue();
        System.out.println(m.get("progress.line", m.get("progress." + s.status().json()), Names.printable(s.fileName()),
                where(s, registry)));
    }

    /** 直溪镇 2020-11 第2版; what could not be read is said so (单位未能识别), never "null". */
    static String where(StoredSubmission s, UnitRegistry registry) {
        Messages m = Messages.catalogue();
        if (s.unitCode() == null && s.period() == null) {
            return m.get("progress.unknown");
        }
        String unit = s.unitCode() == null ? m.get("progress.unknown.unit")
                : registry.byCode(s.unitCode()).map(Unit::name).orElse(s.unitCode());
        String period = s.period() == null ? m.get("progress.unknown.period") : s.period();
        return s.version() == null ? m.get("progress.where.unversioned", unit, period)
                : m.get("progress.where", unit, period, s.version());
    }

    /** The same for the log, in English: "unit zhixi, period 2020-11, version 2" or "unit unknown, ...". */
    static String logWhere(StoredSubmission s) {
        return "unit " + (s.unitCode() == null ? "unknown" : s.unitCode())
                + ", period " + (s.period() == null ? "unknown" : s.period())
                + (s.version() == null ? ", no version" : ", version " + s.version());
    }
}
