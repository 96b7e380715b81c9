package dev.carmarket.bootstrap.cli;

/**
 * An expected way for a command to fail (e.g. seeding a non-empty database): printed as one line,
 * and ends the process with its exit status.
 */
public final class CommandFailedException extends RuntimeException {

    private final int exitStatus;

    public CommandFailedException(String message, int exitStatus) {
        super(message);
        this.exitStatus = exitStatus;
    }

    public int exitStatus() {
        return exitStatus;
    }
}
