package cn.jintan.quality.aggregate;

/**
 * 环比 or 同比 of one figure: the change when the two periods are like for like, otherwise why not
 * ({@link Comparability}). {@code change} is null unless comparable.
 */
public record Comparison(Comparability basis, Change change) {

    public Comparability.Kind kind() {
        return basis.kind();
    }
}
