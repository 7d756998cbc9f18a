package cn.jintan.quality.domain;

import java.util.List;

/** A reporting unit (town, subdistrict or functional zone) of the registry in {@code jobs/}. */
public record Unit(String code, String name, UnitKind kind, List<String> aliases) {

    public Unit {
        aliases = List.copyOf(aliases);
    }
}
