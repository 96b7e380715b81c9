package dev.carmarket.smoke;

/** The command line is wrong; the message says how, in one line, for the user. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message, null, false, false);
    }
}
