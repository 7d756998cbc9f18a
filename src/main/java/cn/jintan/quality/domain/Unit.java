package cn.jintan.quality.domain;

import java.util.List;

/**
 * A reporting unit (town, subdistrict or functional zone) of the registry in {@code jobs/}.
 *
 * @param contact the clerk's e-mail address its receipts are mailed to; null: none are mailed
 */
public record Unit(String code, String name, UnitKind kind, List<String> aliases, String contact) {

    public Unit {
        aliases = List.copyOf(aliases);
    }

    /** A unit without a contact address. */
    public Unit(String code, String name, UnitKind kind, List<String> aliases) {
        this(code, name, kind, aliases, null);
    }
}
