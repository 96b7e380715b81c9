package dev.carmarket.bootstrap.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the jar's arguments; anything it does not know is an error, never silently ignored. */
public final class CommandLineParser {

    public static final String USAGE = "usage: java -jar carmarket.jar [--preflight | --seed[=N]]";

    private static final Pattern SEED = Pattern.compile("--seed(?:=(.*))?");

    private CommandLineParser() {
    }

    /** @throws IllegalArgumentException with a one-line explanation for unknown or conflicting arguments */
    public static LaunchCommand parse(String... args) {
        if (args.length == 0) {
            return new LaunchCommand.Serve();
        }
        if (args.length > 1) {
            throw new IllegalArgumentException("expected at most one argument, got " + args.length + "; " + USAGE);
        }
        String argument = args[0];
        if (argument.equals("--preflight")) {
            return new LaunchCommand.Preflight();
        }
        Matcher seed = SEED.matcher(argument);
        if (seed.matches()) {
            String count = seed.group(1);
            return new LaunchCommand.Seed(count == null ? LaunchCommand.Seed.DEFAULT_CARS : carCount(count));
        }
        throw new IllegalArgumentException("unknown argument '" + argument + "'; " + USAGE);
    }

    private static int carCount(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--seed=N needs a whole number of cars, got '" + text + "'");
        }
    }
}
