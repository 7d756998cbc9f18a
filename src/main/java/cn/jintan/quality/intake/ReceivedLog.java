package cn.jintan.quality.intake;

import cn.jintan.quality.OutputFiles;
import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.store.Received;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code data/archive/received.tsv}: one line per file taken, appended before its outcome is stored,
 * in the order received. With the archived originals it is all {@code rebuild} needs to replay the
 * history into a fresh database when the database is lost: the archive alone keeps each content once,
 * without its names, times or re-sends.
 *
 * <p>Line: {@code received_at TAB run_id TAB sha256 TAB archived path (relative to the archive) TAB
 * file name} (tab, newline, carriage return and backslash in the name escaped as {@code \t \n \r \\}).
 */
@Component
public class ReceivedLog {

    public static final String FILE_NAME = "received.tsv";
    private static final Logger log = LoggerFactory.getLogger(ReceivedLog.class);
    private static final String HEADER = "# received_at\trun_id\tsha256\tarchived\tfile_name  (append-only, read by `rebuild`)\n";

    private final Path archive;
    private final Path file;

    @Autowired
    ReceivedLog(PipelineProperties properties) {
        this(properties.archive());
    }

    public ReceivedLog(Path archive) {
        this.archive = archive.toAbsolutePath().normalize();
        this.file = this.archive.resolve(FILE_NAME);
    }

    /** One line taken from the log: a file as it was received. */
    public record Entry(OffsetDateTime receivedAt, String runId, String sha256, Path archived, String fileName) {

        public Received received() {
            return new Received(fileName, sha256, archived, receivedAt, runId);
        }
    }

    /** Appends the file just taken and archived; forced to disk before its outcome is stored. */
    public synchronized void record(Received received) {
        String line = received.receivedAt() + "\t" + received.runId() + "\t" + received.sha256() + "\t"
                + archive.relativize(received.archived().toAbsolutePath().normalize()) + "\t"
                + escape(received.fileName()) + "\n";
        try {
            OutputFiles.createDirectories(archive);
            boolean fresh = !Files.exists(file);
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                out.write(ByteBuffer.wrap(((fresh ? HEADER : "") + line).getBytes(StandardCharsets.UTF_8)));
                out.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /**
     * Every file received, in order, once: a file taken again by a run continued after a kill (same
     * run, content and name) is the same receipt. A line cut short by a kill is skipped.
     */
    public List<Entry> entries() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            try {
                if (f.length != 5 || f[2].length() != 64) {
                    throw new IllegalArgumentException("expected 5 fields");
                }
                Entry entry = new Entry(OffsetDateTime.parse(f[0]), f[1], f[2], archive.resolve(f[3]), unescape(f[4]));
                if (seen.add(entry.runId() + "\t" + entry.sha256() + "\t" + entry.fileName())) {
                    entries.add(entry);
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                log.warn("{} line {} unreadable ({}), skipped: {}", file, i + 1, e.getMessage(), escape(line));
            }
        }
        return entries;
    }

    public Path file() {
        return file;
    }

    static String escape(String name) {
        return name.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
