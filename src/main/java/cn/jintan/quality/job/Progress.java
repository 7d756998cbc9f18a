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
        String where = s.unitCode() == null || s.period() == null
                ? m.get("progress.unknown")
                : m.get("progress.where", registry.byCode(s.unitCode()).map(Unit::name).orElse(s.unitCode()),
                        s.period(), s.version());
        System.out.println(m.get("progress.line", m.get("progress." + s.status().json()), Names.printable(s.fileName()), where));
    }
}
