package dev.carmarket.bootstrap.cli;

/** Process exit codes, after BSD sysexits.h so that scripts can tell the failures apart. */
public final class ExitStatus {

    public static final int OK = 0;
    /** Unknown or malformed arguments. */
    public static final int USAGE = 64;
    /** The database holds data a command refuses to touch. */
    public static final int DATA = 65;
    /** The database cannot be reached. */
    public static final int UNAVAILABLE = 69;
    /** An unexpected failure. */
    public static final int SOFTWARE = 70;
    /** The environment's configuration is invalid. */
    public static final int CONFIG = 78;

    private ExitStatus() {
    }
}
