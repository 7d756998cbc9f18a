package cn.jintan.quality.domain;

/** The three kinds of reporting unit; the registry names them by these words. */
public enum UnitKind {
    TOWN, SUBDISTRICT, ZONE
}
