package cn.jintan.quality.intake;

import cn.jintan.quality.OutputFiles;
import cn.jintan.quality.PipelineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The drop box staff put workbooks in, and the files taken out of it.
 *
 * <p>A file is <em>taken</em> before anything reads it: moved (one rename on the same file
 * system) from {@code input/NAME} to {@code data/intake/ID/NAME}, so what is hashed, archived and
 * checked is exactly what was taken, and a file staff put under the same name meanwhile is simply
 * the next file. Only settled files are taken: regular files (never a link, FIFO or folder, which
 * are listed with the reason instead, as are hidden files) whose size and modification time have
 * not changed for the settle window ({@code qb.settle-window}, default 2 s), and which this
 * process may read. A taken file leaves {@code data/intake/} only once its outcome is committed
 * and only when it did not change since it was read ({@link #release}); killed in between, the
 * next run takes it up first.
 */
@Component
public class InputFolder {

    private static final Logger log = LoggerFactory.getLogger(InputFolder.class);
    static final Duration SETTLE = Duration.ofSeconds(2);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path folder;
    private final Path intake;
    private final Clock clock;
    private final Duration window;

    @Autowired
    InputFolder(PipelineProperties properties, Clock clock, @Value("${qb.settle-window:2s}") Duration window) {
        this.folder = properties.input();
        this.intake = properties.data().resolve("intake");
        this.clock = clock;
        this.window = window.isNegative() ? Duration.ZERO : window;
    }

    InputFolder(PipelineProperties properties, Clock clock) {
        this(properties, clock, SETTLE);
    }

    /** A file seen in input/, as it was when listed. */
    public record Candidate(Path path, long size, FileTime modified) {
    }

    /** An entry of input/ that is not taken, and why: symlink, special, directory, hidden, unreadable. */
    public record Skip(String file, String reason, String error) {
    }

    /** What a scan found: files taken earlier and not yet released (first), files to take, entries skipped. */
    public record Listing(List<Path> taken, List<Candidate> waiting, List<Skip> skipped) {
    }

    /** The outcome of taking one candidate: the taken file, or why not (both null: changed or gone, it waits). */
    public record Taken(Path file, Skip skipped) {
    }

    /** The state of a file when it was read, to tell later whether it changed since. */
    public record Snapshot(long size, FileTime modified) {
    }

    public Listing scan() {
        List<Candidate> waiting = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                for (Path entry : entries.toList()) {
                    inspect(entry, waiting, skipped);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
        }
        waiting.sort(Comparator.comparing(Candidate::modified).thenComparing(c -> c.path().getFileName().toString()));
        return new Listing(takenEarlier(), waiting, skipped);
    }

    /** The files waiting in input/, oldest first (what {@link #scan} would take). */
    public List<Path> pendingFiles() {
        return scan().waiting().stream().map(Candidate::path).toList();
    }

    private void inspect(Path entry, List<Candidate> waiting, List<Skip> skipped) {
        String name = entry.getFileName().toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return; // taken away meanwhile
        } catch (IOException e) {
            skipped.add(new Skip(name, "unreadable", describe(e)));
            return;
        }
        if (quiet(name)) {
            return; // written by Office, WPS or copy tools, or ours: not for us
        }
        if (attributes.isSymbolicLink()) {
            skipped.add(new Skip(name, "symlink", null));
        } else if (attributes.isDirectory()) {
            skipped.add(new Skip(name, "directory", null));
        } else if (!attributes.isRegularFile()) {
            skipped.add(new Skip(name, "special", null));
        } else if (name.startsWith(".")) {
            skipped.add(new Skip(name, "hidden", null));
        } else if (settled(attributes.lastModifiedTime())) {
            waiting.add(new Candidate(entry, attributes.size(), attributes.lastModifiedTime()));
        }
    }

    /** Names that Office, WPS and copy tools use while writing, and the folder's own notes: skipped without a word. */
    static boolean quiet(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith("~$") || lower.endsWith(".tmp") || lower.endsWith(".part")
                || lower.equals("readme.md") || lower.equals("thumbs.db") || lower.equals("desktop.ini")
                || lower.equals(".ds_store");
    }

    private boolean settled(FileTime modified) {
        return !modified.toInstant().isAfter(clock.instant().minus(window));
    }

    /**
     * Moves a settled candidate into {@code data/intake/}, unless it changed since it was listed
     * (it waits), is no longer a regular file, or cannot be read (skipped, left in input/).
     */
    public Taken take(Candidate candidate) {
        Path source = candidate.path();
        String name = source.getFileName().toString();
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new Taken(null, null);
        } catch (IOException e) {
            return new Taken(null, new Skip(name, "unreadable", describe(e)));
        }
        if (!now.isRegularFile()) {
            return new Taken(null, new Skip(name, now.isSymbolicLink() ? "symlink" : now.isDirectory() ? "directory" : "special", null));
        }
        if (now.size() != candidate.size() || !now.lastModifiedTime().equals(candidate.modified())
                || !settled(now.lastModifiedTime())) {
            return new Taken(null, null); // still being written: next time
        }
        try (FileChannel probe = FileChannel.open(source, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            probe.size();
        } catch (NoSuchFileException e) {
            return new Taken(null, null);
        } catch (IOException e) {
            return new Taken(null, new Skip(name, "unreadable", describe(e)));
        }
        Path target = newSlot().resolve(name);
        try {
            IntakeSlots.move(source, target, now);
        } catch (NoSuchFileException e) {
            deleteQuietly(target.getParent());
            return new Taken(null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take " + source + " into " + intake, e);
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            // swapped for a link or a FIFO between the check and the move: put it back, untouched
            try {
                Files.move(target, source, StandardCopyOption.ATOMIC_MOVE);
                deleteQuietly(target.getParent());
            } catch (IOException e) {
                log.warn("{}: not a regular file once taken, left in {}", Names.printable(name), target.getParent());
            }
            return new Taken(null, new Skip(name, "special", null));
        }
        return new Taken(target, null);
    }

    /** One folder per taken file (named in taking order), so any name input/ could hold fits. */
    private Path newSlot() {
        try {
            OutputFiles.createDirectories(intake);
            while (true) {
                Path slot = intake.resolve(String.format("%013d-%06d", clock.millis(), SEQUENCE.incrementAndGet() % 1_000_000));
                try {
                    return Files.createDirectory(slot);
                } catch (FileAlreadyExistsException e) {
                    // taken by an earlier process at the same millisecond: next number
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder in " + intake, e);
        }
    }

    /** Files taken by an earlier run and not released, in taking order; empty folders (a move that never happened) go. */
    private List<Path> takenEarlier() {
        if (!Files.isDirectory(intake)) {
            return List.of();
        }
        List<Path> taken = new ArrayList<>();
        try (Stream<Path> slots = Files.list(intake)) {
            for (Path slot : slots.filter(Files::isDirectory).sorted().toList()) {
                Optional<Path> file = IntakeSlots.fileIn(slot);
                if (file.isEmpty()) {
                    deleteQuietly(slot.resolve(".part")); // a copy across file systems cut short: the source is still in input/
                    deleteQuietly(slot);
                } else if (settled(Files.getLastModifiedTime(file.get(), LinkOption.NOFOLLOW_LINKS))) {
                    taken.add(file.get());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + intake, e);
        }
        return taken;
    }

    /**
     * A taken file's name relative to {@code data/intake/} ({@code SLOT/NAME}): how it is handed to
     * another thread or another machine, which resolves it against its own data folder ({@link #taken}).
     */
    public String relativeName(Path taken) {
        if (!taken.startsWith(intake)) {
            throw new IllegalArgumentException(taken + " was not taken into " + intake);
        }
        return intake.relativize(taken).toString();
    }

    /** The taken file a {@link #relativeName} names. */
    public Path taken(String relativeName) {
        Path file = intake.resolve(relativeName).normalize();
        if (!file.startsWith(intake) || file.equals(intake)) {
            throw new IllegalArgumentException(relativeName + " is not in " + intake);
        }
        return file;
    }

    /** Size and time of a taken file, before it is read. */
    public static Snapshot snapshot(Path taken) {
        try {
            BasicFileAttributes a = Files.readAttributes(taken, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Snapshot(a.size(), a.lastModifiedTime());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + taken, e);
        }
    }

    /**
     * Lets a processed file go, its outcome committed and its bytes archived. A file that changed
     * since it was read (a stalled copy that resumed into it) is kept, and taken again by the
     * next run: nothing that was not archived is deleted.
     */
    public boolean release(Path taken, Snapshot read) {
        if (!taken.startsWith(intake)) {
            throw new IllegalArgumentException(taken + " was not taken into " + intake);
        }
        try {
            if (!Files.exists(taken, LinkOption.NOFOLLOW_LINKS)) {
                return true; // released before a kill
            }
            if (!snapshot(taken).equals(read)) {
                log.warn("{}: changed after it was taken and read; kept in {} for the next run",
                        Names.printable(taken.getFileName().toString()), taken.getParent());
                return false;
            }
            Files.delete(taken);
            deleteQuietly(taken.getParent());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + taken, e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a folder not empty, or gone: nothing to do
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied: " + Names.printable(e.getMessage());
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Names.printable(reason);
    }
}
