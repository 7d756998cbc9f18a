package cn.jintan.quality.messages;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one catalogue of user-facing text ({@code messages.properties}, UTF-8): receipts, briefing,
 * command line. Code refers to keys; the Chinese lives there.
 */
public final class Messages {

    private static final Messages CATALOGUE = new Messages(ResourceBundle.getBundle("messages", Locale.ROOT));

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Messages catalogue() {
        return CATALOGUE;
    }

    /** The text of {@code key}, with {@code {0}}-style arguments filled in as given (no number formatting). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("message key missing from messages.properties: " + key, e);
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = args[i] == null ? "" : String.valueOf(args[i]);
        }
        return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(texts);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
