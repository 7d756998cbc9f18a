package cn.jintan.quality.domain;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reporting units of {@code jobs/units.tsv}, in registry order. */
public final class UnitRegistry {

    public static final String FILE_NAME = "units.tsv";

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

    /** Loads the registry; a malformed line is a {@link ConfigurationException} naming file and line. */
    public static UnitRegistry load(Path jobsDir) {
        Path file = jobsDir.resolve(FILE_NAME);
        List<Unit> units = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ConfigLine configLine : ConfigLine.read(file, "cannot read the unit registry")) {
            String line = configLine.text();
            int lineNo = configLine.number();
            String[] f = configLine.raw().split("\t", -1);
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
            if (contact != null && !plainAddress(contact)) {
                throw new ConfigurationException(file, lineNo,
                        "contact must be one plain e-mail address (e.g. clerk@example.gov.cn) or nothing: " + contact);
            }
            if (f.length > 5) {
                throw new ConfigurationException(file, lineNo,
                        "expected at most code, name, kind, aliases and contact e-mail separated by TABs");
            }
            Unit unit = new Unit(code, f[1].strip(), kind, aliases, contact);
            for (String name : names(unit)) {
                Integer earlier = seen.putIfAbsent(normalise(name), lineNo);
                if (earlier != null) {
                    throw new ConfigurationException(file, lineNo, "name or alias '" + name + "' already used on line " + earlier);
                }
            }
            if (seen.putIfAbsent("code:" + code, lineNo) != null) {
                throw new ConfigurationException(file, lineNo, "duplicate unit code " + code);
            }
            units.add(unit);
        }
        if (units.isEmpty()) {
            throw new ConfigurationException(file, 0, "the registry lists no unit");
        }
        return new UnitRegistry(units);
    }

    /** One address, nothing around it (no display name, no list). */
    private static boolean plainAddress(String text) {
        try {
            jakarta.mail.internet.InternetAddress address = new jakarta.mail.internet.InternetAddress(text, true);
            address.validate();
            return address.getAddress().contains("@") && text.equals(address.getAddress());
        } catch (jakarta.mail.internet.AddressException e) {
            return false;
        }
    }

    private static List<String> names(Unit unit) {
        List<String> names = new ArrayList<>(unit.aliases());
        names.add(0, unit.name());
        return names;
    }

    private static String normalise(String s) {
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
