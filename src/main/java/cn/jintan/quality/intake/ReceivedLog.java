package cn.jintan.quality.intake;

import cn.jintan.quality.OutputFiles;
import cn.jintan.quality.PipelineProperties;
import cn.jintan.quality.store.Received;
import cn.jintan.quality.store.ReceivedJournal;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code data/archive/received.tsv}: one line per file received, appended (and forced to disk) just
 * before its ledger line is inserted ({@link ReceivedJournal}), so in the order of the ledger's ids,
 * before its outcome is stored. With the archived originals it is all {@code rebuild} needs to replay the
 * history into a fresh database when the database is lost: the archive alone keeps each content once,
 * without its names, times or re-sends.
 *
 * <p>Line: {@code received_at TAB run_id TAB sha256 TAB archived path (relative to the archive) TAB
 * file name} (tab, newline, carriage return and backslash in the name escaped as {@code \t \n \r \\}).
 */
@Component
public class ReceivedLog implements ReceivedJournal {

    public static final String FILE_NAME = "received.tsv";
    private static final Logger log = LoggerFactory.getLogger(ReceivedLog.class);
    private static final String HEADER = "# received_at\trun_id\tsha256\tarchived\tfile_name  (append-only, read by `rebuild`)\n";

    private final Path archive;
    private final Path file;
    /** The lines the log holds, read once: a line already there (a replay by {@code rebuild}) is not added again. */
    private Set<String> written;

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

    /** Appends a file about to be stored, unless the log has that very line; forced to disk before its outcome is stored. */
    @Override
    public synchronized void note(Received received) {
        if (received.archived() == null) {
            return; // no original kept: nothing a rebuild could replay
        }
        String line = received.receivedAt() + "\t" + received.runId() + "\t" + received.sha256() + "\t"
                + archive.relativize(received.archived().toAbsolutePath().normalize()) + "\t"
                + escape(received.fileName()) + "\n";
        if (written == null) {
            written = new HashSet<>(read());
        }
        if (!written.add(line.substring(0, line.length() - 1))) {
            return;
        }
        try {
            OutputFiles.createDirectories(archive);
            boolean fresh = !Files.exists(file);
            // a line cut short by a kill stays a line of its own (skipped when read), not the start of this one
            String before = fresh ? HEADER : endsCut(file) ? "\n" : "";
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) { // appends of worker JVMs sharing the folder do not overwrite each other
                out.write(ByteBuffer.wrap((before + line).getBytes(StandardCharsets.UTF_8)));
                out.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    private static boolean endsCut(Path file) throws IOException {
        try (FileChannel log = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            return log.size() > 0 && log.read(last, log.size() - 1) == 1 && last.get(0) != '\n';
        }
    }

    private List<String> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Every file received, in order, once: a file taken again by a run continued after a kill (same
     * run, content and name) is the same receipt, at its last line, the one whose ledger line was
     * kept (the earlier one's was rolled back with the kill). A line cut short by a kill is skipped.
     */
    public List<Entry> entries() {
        Map<String, Entry> last = new LinkedHashMap<>();
        for (Entry entry : lines()) {
            String key = entry.runId() + "\t" + entry.sha256() + "\t" + entry.fileName();
            last.remove(key); // to the end: the last line of a file stands
            last.put(key, entry);
        }
        return new ArrayList<>(last.values());
    }

    /**
     * Every readable line, in order, the earlier lines of a file taken again included: each of those
     * stands for a ledger id its rolled-back attempt used up, which {@code rebuild} uses up too.
     */
    public List<Entry> lines() {
        List<String> lines = read();
        List<Entry> entries = new ArrayList<>();
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
                entries.add(new Entry(OffsetDateTime.parse(f[0]), f[1], f[2], archive.resolve(f[3]), unescape(f[4])));
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
