package cn.jintan.quality.cli;

/** A command that will not touch the database as it is; the message (Chinese and English) says why and what to do. */
final class DatabaseRefused extends RuntimeException {

    DatabaseRefused(String message) {
        super(message, null, false, false);
    }
}
