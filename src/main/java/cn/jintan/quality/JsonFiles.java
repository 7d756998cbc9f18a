package cn.jintan.quality;

import org.springframework.stereotype.Component;
import cn.jintan.quality.domain.Period;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Writes the JSON files people and scripts read: UTF-8, pretty-printed, replaced atomically so a
 * reader never sees half a file. The outputs are records (figures, receipts, run records): their
 * components in declaration order, named in snake_case; dates, times and periods as their
 * {@code toString()} (ISO-8601, an offset time without seconds when they are zero).
 */
@Component
public class JsonFiles {

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new SimpleModule("outputs")
                    .addSerializer(OffsetDateTime.class, ToStringSerializer.instance)
                    .addSerializer(LocalDate.class, ToStringSerializer.instance)
                    .addSerializer(Period.class, ToStringSerializer.instance))
            .build();

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
