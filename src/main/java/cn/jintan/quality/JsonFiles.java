package cn.jintan.quality;

import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes the JSON files people and scripts read: UTF-8, pretty-printed, replaced atomically so a
 * reader never sees half a file.
 */
@Component
public class JsonFiles {

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public void write(Path file, Object value) {
        writeAtomically(file, bytes(value));
    }

    /** The file's content, as {@link #write} writes it. */
    public byte[] bytes(Object value) {
        return (mapper.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static void writeAtomically(Path file, byte[] content) {
        OutputFiles.write(file, content);
    }
}
