package dev.carmarket.smoke;

/** A check did not hold; the message is the one-line reason shown in the report. */
final class CheckFailure extends Exception {

    CheckFailure(String reason) {
        super(reason, null, false, false);
    }

    /** Throws with {@code reason} unless {@code condition} holds. */
    static void failUnless(boolean condition, String reason) throws CheckFailure {
        if (!condition) {
            throw new CheckFailure(reason);
        }
    }
}
