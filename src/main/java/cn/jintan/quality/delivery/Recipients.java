package cn.jintan.quality.delivery;

import cn.jintan.quality.domain.ConfigurationException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who receives the briefing: {@code jobs/recipients.txt}, one address a line, {@code #} comments.
 * No file or no address means nothing is sent. A bad address stops the run at start-up with the
 * file and line, like every file in {@code jobs/}.
 */
record Recipients(List<String> addresses) {

    static final String FILE_NAME = "recipients.txt";

    Recipients {
        addresses = List.copyOf(addresses);
    }

    static Recipients load(Path jobsDir) {
        Path file = jobsDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new Recipients(List.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException(file, 0, "cannot read the recipients: " + e.getMessage());
        }
        List<String> addresses = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                InternetAddress address = new InternetAddress(line, true);
                address.validate();
                if (!address.getAddress().contains("@") || !line.equals(address.getAddress())) {
                    throw new AddressException("not a plain address");
                }
            } catch (AddressException e) {
                throw new ConfigurationException(file, i + 1, "not an e-mail address (write one plain address a line, e.g. name@example.gov.cn): " + line);
            }
            Integer earlier = seen.putIfAbsent(line.toLowerCase(java.util.Locale.ROOT), i + 1);
            if (earlier != null) {
                throw new ConfigurationException(file, i + 1, "address already listed on line " + earlier + ": " + line);
            }
            addresses.add(line);
        }
        return new Recipients(addresses);
    }
}
