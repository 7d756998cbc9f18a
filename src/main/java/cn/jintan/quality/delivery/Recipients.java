package cn.jintan.quality.delivery;

import cn.jintan.quality.domain.ConfigLine;
import cn.jintan.quality.domain.ConfigurationException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

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
public record Recipients(List<String> addresses) {

    static final String FILE_NAME = "recipients.txt";

    public Recipients {
        addresses = List.copyOf(addresses);
    }

    public static Recipients load(Path jobsDir) {
        Path file = jobsDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new Recipients(List.of());
        }
        List<String> addresses = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ConfigLine configLine : ConfigLine.read(file, "cannot read the recipients")) {
            String line = configLine.text();
            int lineNo = configLine.number();
            try {
                InternetAddress address = new InternetAddress(line, true);
                address.validate();
                if (!address.getAddress().contains("@") || !line.equals(address.getAddress())) {
                    throw new AddressException("not a plain address");
                }
            } catch (AddressException e) {
                throw new ConfigurationException(file, lineNo, "not an e-mail address (write one plain address a line, e.g. name@example.gov.cn): " + line);
            }
            Integer earlier = seen.putIfAbsent(line.toLowerCase(java.util.Locale.ROOT), lineNo);
            if (earlier != null) {
                throw new ConfigurationException(file, lineNo, "address already listed on line " + earlier + ": " + line);
            }
            addresses.add(line);
        }
        return new Recipients(addresses);
    }
}
