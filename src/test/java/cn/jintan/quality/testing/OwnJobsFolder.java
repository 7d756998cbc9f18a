package cn.jintan.quality.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A {@code jobs/} folder of a test class's own (a unit's contact, a yearly target, a recipient),
 * hence a Spring context of its own, and the SMTP server such a class talks to.
 */
public final class OwnJobsFolder {

    private OwnJobsFolder() {
    }

    /**
     * The repository's {@code jobs/units.tsv} as {@code units} changes it, plus other files given
     * as name, content, name, content...
     */
    public static Path create(String prefix, UnaryOperator<String> units, String... nameThenContent) {
        try {
            Path jobs = Files.createTempDirectory(prefix);
            Files.writeString(jobs.resolve("units.tsv"), units.apply(Files.readString(Path.of("jobs/units.tsv"))));
            for (int i = 0; i + 1 < nameThenContent.length; i += 2) {
                Files.writeString(jobs.resolve(nameThenContent[i]), nameThenContent[i + 1]);
            }
            return jobs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on yet: the mail server is down until a test starts GreenMail there. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code qb.jobs}, and SMTP on 127.0.0.1:{@code port} with a short connect timeout. */
    public static void register(DynamicPropertyRegistry registry, Path jobs, int port) {
        registry.add("qb.jobs", jobs::toString);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
    }
}
