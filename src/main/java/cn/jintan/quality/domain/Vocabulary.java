package cn.jintan.quality.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An enumerated value of the workbook: stored by its constant name, written by staff in Chinese. */
public interface Vocabulary {

    /** The spelling staff type in the workbook (the spec's allowed value). */
    String spelling();

    static <E extends Enum<E> & Vocabulary> Optional<E> parse(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.spelling().equals(text)).findFirst();
    }

    static <E extends Enum<E> & Vocabulary> List<String> spellings(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Vocabulary::spelling).toList();
    }
}
