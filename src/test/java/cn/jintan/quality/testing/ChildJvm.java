package cn.jintan.quality.testing;

import java.util.List;

/** What the crash tests start their child JVMs of the program with, besides heap and properties. */
public final class ChildJvm {

    /**
     * C1 only and the serial collector: the children run a few seconds each on a 2-core machine
     * beside the test JVM, where C2's compiler threads and G1's concurrent ones only compete for
     * the cores (the behaviour under test does not depend on either).
     */
    public static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private ChildJvm() {
    }
}
