package cn.jintan.quality.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How the crash tests start a JVM of the program: the same java, classpath and main class. */
public final class ChildJvm {

    /**
     * C1 only and the serial collector: the children run a few seconds each on a 2-core machine
     * beside the test JVM, where C2's compiler threads and G1's concurrent ones only compete for
     * the cores (the behaviour under test does not depend on either).
     */
    public static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private ChildJvm() {
    }

    /**
     * The command line up to the program's main class ({@code cli.Main}), with {@code heap} (e.g.
     * -Xmx512m), {@link #OPTIONS} and {@code options}; the caller adds the command and its
     * arguments to the returned list.
     */
    public static List<String> program(String heap, String... options) {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.add(heap);
        line.addAll(OPTIONS);
        line.addAll(List.of(options));
        line.addAll(List.of("-cp", System.getProperty("java.class.path"), "cn.jintan.quality.cli.Main"));
        return line;
    }
}
