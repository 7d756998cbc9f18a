package cn.jintan.quality.cli;

/**
 * What the command was asked to work on is not there (the drop box, a period): exit 2 like a bad
 * command line, with one line (Chinese and English) naming it, and nothing done.
 */
final class InputRefused extends RuntimeException {

    InputRefused(String message) {
        super(message, null, false, false);
    }
}
