package cn.jintan.quality.config;

import cn.jintan.quality.delivery.Recipients;
import cn.jintan.quality.domain.ConfigurationException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code jobs/recipients.txt}: one address a line. No file or no address means nothing is sent; a
 * bad or repeated address stops the run at start-up with the file and line.
 */
final class RecipientsFile {

    static final String FILE_NAME = "recipients.txt";

    private RecipientsFile() {
    }

    static Recipients read(Path jobsDir) {
        Path file = jobsDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new Recipients(List.of());
        }
        List<String> addresses = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (JobsLine jobsLine : JobsLine.read(file, "cannot read the recipients")) {
            String line = jobsLine.text();
            int lineNo = jobsLine.number();
            if (!plainAddress(line)) {
                throw new ConfigurationException(file, lineNo, "not an e-mail address (write one plain address a line, e.g. name@example.gov.cn): " + line);
            }
            Integer earlier = seen.putIfAbsent(line.toLowerCase(Locale.ROOT), lineNo);
            if (earlier != null) {
                throw new ConfigurationException(file, lineNo, "address already listed on line " + earlier + ": " + line);
            }
            addresses.add(line);
        }
        return new Recipients(addresses);
    }

    /** One address, nothing around it (no display name, no list): recipients and unit contacts alike. */
    static boolean plainAddress(String text) {
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            return address.getAddress().contains("@") && text.equals(address.getAddress());
        } catch (AddressException e) {
            return false;
        }
    }
}
