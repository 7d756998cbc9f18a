package cn.jintan.quality.config;

import cn.jintan.quality.domain.ConfigurationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A line of a {@code jobs/} file that says something (not blank, not a {@code #} comment), with
 * its number from 1 so every error can name file and line.
 */
record JobsLine(int number, String raw) {

    /** The line without surrounding white space. */
    String text() {
        return raw.strip();
    }

    /** The lines of {@code file}; an unreadable file is a {@link ConfigurationException} saying {@code cannotRead}. */
    static List<JobsLine> read(Path file, String cannotRead) {
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigurationException(file, 0, cannotRead + ": not UTF-8 text (save it as UTF-8)");
        } catch (IOException e) {
            throw new ConfigurationException(file, 0, cannotRead + ": " + e.getMessage());
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            // a byte order mark, as Windows editors save UTF-8; line endings \r\n are readAllLines' own
            lines.set(0, lines.get(0).substring(1));
        }
        List<JobsLine> meaningful = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                meaningful.add(new JobsLine(i + 1, lines.get(i)));
            }
        }
        return meaningful;
    }
}
