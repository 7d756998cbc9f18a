package cn.jintan.quality.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What two runs of the same files must agree on, read from an installation's output/ without the times. */
public final class RunOutputs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RunOutputs() {
    }

    /** Every receipt JSON by its path, without the times received (its own and those of the versions it names). */
    public static List<String> receipts(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home.resolve("output/receipts"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(f -> {
                ObjectNode node = (ObjectNode) JSON.readTree(f.toFile());
                for (JsonNode withTime : node.findParents("received_at")) {
                    ((ObjectNode) withTime).remove("received_at");
                }
                return home.relativize(f) + " " + node;
            }).toList();
        }
    }

    /** A period's figures JSON without the time it was written. */
    public static JsonNode figures(Path home, String period) {
        ObjectNode node = (ObjectNode) JSON.readTree(home.resolve("output/briefings/" + period + "/figures-" + period + ".json").toFile());
        node.remove("generated_at");
        return node;
    }
}
