package cn.jintan.quality.domain;

/** How a cell of a column is read and checked. */
public enum ColumnType {
    /** Free text, NFKC-normalised and trimmed. */
    TEXT,
    /** 统一社会信用代码, upper-cased. */
    USCC,
    /** One of the spellings of {@link Column#vocabulary()}; stored by constant name. */
    ENUM,
    /** 是/否 and its spellings; blank is 否. */
    YES_NO,
    INTEGER,
    /** Exact decimal ({@code BigDecimal}) with at most {@link Column#scale()} decimals. */
    DECIMAL,
    DATE
}
