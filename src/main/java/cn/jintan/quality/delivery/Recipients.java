package cn.jintan.quality.delivery;

import java.util.List;

/**
 * Who receives the briefing: {@code jobs/recipients.txt} (read by {@code config.JobsFiles}), one
 * address a line. No file or no address means nothing is sent.
 */
public record Recipients(List<String> addresses) {

    public Recipients {
        addresses = List.copyOf(addresses);
    }
}
