package cn.jintan.quality.domain;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reporting units of {@code jobs/units.tsv} (read by {@code config.JobsFiles}), in registry order. */
public final class UnitRegistry {

    private final List<Unit> units;
    private final Map<String, Unit> byCode = new LinkedHashMap<>();
    private final Map<String, Unit> byNameOrAlias = new HashMap<>();

    public UnitRegistry(List<Unit> units) {
        this.units = List.copyOf(units);
        for (Unit unit : units) {
            byCode.put(unit.code(), unit);
            byNameOrAlias.put(normalise(unit.name()), unit);
            unit.aliases().forEach(alias -> byNameOrAlias.put(normalise(alias), unit));
        }
    }

    /** Names compared as staff may write them: full-width forms folded, no white space. */
    public static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    public List<Unit> units() {
        return units;
    }

    public Optional<Unit> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Finds a unit by the name or alias written on a cover. */
    public Optional<Unit> find(String nameOrAlias) {
        return nameOrAlias == null ? Optional.empty() : Optional.ofNullable(byNameOrAlias.get(normalise(nameOrAlias)));
    }
}
