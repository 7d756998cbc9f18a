package cn.jintan.quality.job;

import cn.jintan.quality.intake.InputFolder;
import org.springframework.batch.infrastructure.item.ItemReader;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A partition's files ({@link IntakePartitioner#FILES}), in the order received. A file no longer
 * in data/intake/ was let go (its outcome stored) and is not read again.
 */
class PartitionFilesReader implements ItemReader<Path> {

    private final Deque<Path> files = new ArrayDeque<>();

    PartitionFilesReader(InputFolder input, List<String> names) {
        for (String name : names == null ? List.<String>of() : names) {
            files.add(input.taken(name));
        }
    }

    @Override
    public Path read() {
        while (!files.isEmpty()) {
            Path next = files.poll();
            if (Files.isRegularFile(next, LinkOption.NOFOLLOW_LINKS)) {
                return next;
            }
        }
        return null;
    }
}
