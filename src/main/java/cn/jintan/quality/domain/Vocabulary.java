package cn.jintan.quality.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An enumerated value of the workbook: stored by its constant name, written by staff in Chinese. */
public interface Vocabulary {

    /** The spelling staff type in the workbook (the spec's allowed value). */
    String spelling();

    static <E extends Enum<E> & Vocabulary> Optional<E> parse(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) { // a loop, not a stream: several cells of every row
            if (e.spelling().equals(text)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static <E extends Enum<E> & Vocabulary> List<String> spellings(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Vocabulary::spelling).toList();
    }
}
