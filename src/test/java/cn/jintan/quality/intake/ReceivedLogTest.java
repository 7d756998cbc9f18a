package cn.jintan.quality.intake;

import cn.jintan.quality.store.Received;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The received log {@code rebuild} replays: names kept exactly, one line per receipt, a torn last line skipped. */
class ReceivedLogTest {

    @TempDir
    Path archive;

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    @Test
    void keepsOrderNamesAndTimesAndCountsAReTakenFileOnceAtItsLastLine() throws Exception {
        ReceivedLog log = new ReceivedLog(archive);
        OffsetDateTime at = OffsetDateTime.parse("2020-12-02T02:00:01.123456+08:00");
        String odd = "直溪镇\t2020-11\n改\\版.xlsx";
        Received first = new Received(odd, SHA_A, archive.resolve("aa/" + SHA_A + ".xlsx"), at, "run-1");
        log.note(first);
        log.note(new Received("儒林镇-2020-11.xls", SHA_B, archive.resolve("bb/" + SHA_B + ".xls"), at.plusSeconds(1), "run-1"));
        log.note(first); // the same line again (quarantined after its first ledger line rolled back): nothing added
        // the same file taken again by the run continued after a kill: one receipt, where its kept ledger line is
        log.note(new Received(odd, SHA_A, archive.resolve("aa/" + SHA_A + ".xlsx"), at.plusSeconds(9), "run-1"));
        // a line cut short by a kill, then the same bytes sent again by a later run: a receipt of its own (a duplicate)
        Files.writeString(log.file(), "2020-12-03T02:00:00+08:00\trun-3\tcc", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        log.note(new Received(odd, SHA_A, archive.resolve("aa/" + SHA_A + ".xlsx"), at.plusDays(1), "run-2"));
        // a rebuild replaying the log into a fresh database notes every line again: nothing added
        ReceivedLog replay = new ReceivedLog(archive);
        replay.entries().forEach(e -> replay.note(e.received()));

        assertThat(Files.readAllLines(log.file())).hasSize(6).allMatch(l -> l.startsWith("#") || l.split("\t", -1).length == 5
                || l.equals("2020-12-03T02:00:00+08:00\trun-3\tcc"));
        var entries = new ReceivedLog(archive).entries();
        assertThat(entries).extracting(ReceivedLog.Entry::fileName).containsExactly("儒林镇-2020-11.xls", odd, odd);
        assertThat(entries).extracting(ReceivedLog.Entry::runId).containsExactly("run-1", "run-1", "run-2");
        assertThat(entries.get(1).receivedAt()).isEqualTo(at.plusSeconds(9));
        assertThat(entries.get(1).archived()).isEqualTo(archive.toAbsolutePath().normalize().resolve("aa/" + SHA_A + ".xlsx"));
        assertThat(entries.get(2).received().receivedAt()).isEqualTo(at.plusDays(1));
    }

    @Test
    void noLogNoEntries() {
        assertThat(new ReceivedLog(archive.resolve("none")).entries()).isEmpty();
    }
}
