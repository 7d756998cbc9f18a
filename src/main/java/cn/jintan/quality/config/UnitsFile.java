package cn.jintan.quality.config;

import cn.jintan.quality.domain.ConfigurationException;
import cn.jintan.quality.domain.Unit;
import cn.jintan.quality.domain.UnitKind;
import cn.jintan.quality.domain.UnitRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code jobs/units.tsv}: code, name, kind, aliases and an optional contact address, TAB-separated. */
final class UnitsFile {

    static final String FILE_NAME = "units.tsv";

    private UnitsFile() {
    }

    /** The registry; a malformed line is a {@link ConfigurationException} naming file and line. */
    static UnitRegistry read(Path jobsDir) {
        Path file = jobsDir.resolve(FILE_NAME);
        List<Unit> units = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (JobsLine jobsLine : JobsLine.read(file, "cannot read the unit registry")) {
            Unit unit = unit(file, jobsLine);
            int lineNo = jobsLine.number();
            for (String name : names(unit)) {
                Integer earlier = seen.putIfAbsent(UnitRegistry.normalise(name), lineNo);
                if (earlier != null) {
                    throw new ConfigurationException(file, lineNo, "name or alias '" + name + "' already used on line " + earlier);
                }
            }
            if (seen.putIfAbsent("code:" + unit.code(), lineNo) != null) {
                throw new ConfigurationException(file, lineNo, "duplicate unit code " + unit.code());
            }
            units.add(unit);
        }
        if (units.isEmpty()) {
            throw new ConfigurationException(file, 0, "the registry lists no unit");
        }
        return new UnitRegistry(units);
    }

    private static Unit unit(Path file, JobsLine jobsLine) {
        int lineNo = jobsLine.number();
        String[] f = jobsLine.raw().split("\t", -1);
        if (f.length < 3) {
            throw new ConfigurationException(file, lineNo, "expected code, name, kind and aliases separated by TABs");
        }
        String code = f[0].strip();
        if (!code.matches("[a-z0-9_-]{2,32}")) {
            throw new ConfigurationException(file, lineNo, "unit code must be 2-32 lower-case ASCII letters or digits: " + code);
        }
        UnitKind kind;
        try {
            kind = UnitKind.valueOf(f[2].strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(file, lineNo, "kind must be TOWN, SUBDISTRICT or ZONE: " + f[2].strip());
        }
        List<String> aliases = f.length > 3 && !f[3].isBlank()
                ? List.of(f[3].split("[,，]")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of();
        String contact = f.length > 4 && !f[4].isBlank() ? f[4].strip() : null;
        if (contact != null && !RecipientsFile.plainAddress(contact)) {
            throw new ConfigurationException(file, lineNo,
                    "contact must be one plain e-mail address (e.g. clerk@example.gov.cn) or nothing: " + contact);
        }
        if (f.length > 5) {
            throw new ConfigurationException(file, lineNo,
                    "expected at most code, name, kind, aliases and contact e-mail separated by TABs");
        }
        return new Unit(code, f[1].strip(), kind, aliases, contact);
    }

    private static List<String> names(Unit unit) {
        List<String> names = new ArrayList<>(unit.aliases());
        names.add(0, unit.name());
        return names;
    }
}
