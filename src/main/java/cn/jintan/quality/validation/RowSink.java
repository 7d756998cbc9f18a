package cn.jintan.quality.validation;

/** Where valid rows go as they are read, so a large sheet is never held whole by the validator. */
@FunctionalInterface
public interface RowSink {

    void accept(ParsedRow row);
}
