package dev.carmarket.bootstrap.cli;

/** One readable line for a failure: the innermost cause's message, which names what really went wrong. */
public final class RootCause {

    private RootCause() {
    }

    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }
}
