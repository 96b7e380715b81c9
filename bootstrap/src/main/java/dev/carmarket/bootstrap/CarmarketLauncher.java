package dev.carmarket.bootstrap;

import dev.carmarket.bootstrap.cli.CommandFailedException;
import dev.carmarket.bootstrap.cli.CommandLineParser;
import dev.carmarket.bootstrap.cli.DemoSeed;
import dev.carmarket.bootstrap.cli.ExitStatus;
import dev.carmarket.bootstrap.cli.RootCause;
import dev.carmarket.bootstrap.cli.LaunchCommand;
import dev.carmarket.bootstrap.cli.Preflight;
import dev.carmarket.bootstrap.settings.CarmarketSettings;
import dev.carmarket.bootstrap.settings.CarmarketSettingsReader;
import dev.carmarket.bootstrap.settings.ConfigurationProblem;
import dev.carmarket.bootstrap.settings.InvalidConfigurationException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * What {@code main} does: parse the arguments, validate the environment (before Spring starts, so
 * a bad configuration never opens the port), then serve or run a command-line mode.
 */
public final class CarmarketLauncher {

    /** Returned when the service is running: {@code main} must not exit then. */
    public static final int SERVING = -1;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    public CarmarketLauncher(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
    }

    /** @return the process exit status, or {@link #SERVING} */
    public int launch(String... args) {
        LaunchCommand command;
        CarmarketSettings settings;
        try {
            command = CommandLineParser.parse(args);
        } catch (IllegalArgumentException badArguments) {
            err.println("carmarket: " + badArguments.getMessage());
            return ExitStatus.USAGE;
        }
        try {
            settings = CarmarketSettingsReader.read(environment);
        } catch (InvalidConfigurationException invalid) {
            return configurationError(invalid);
        }
        if (command instanceof LaunchCommand.Serve) {
            return serve(settings);
        }
        return runCommand(command, settings);
    }

    private int serve(CarmarketSettings settings) {
        try {
            StopSignals.exitNormallyOn(CarmarketApplication.application(settings).run());
            return SERVING;
        } catch (RuntimeException startupFailed) {
            // Spring Boot has logged the failure in full; the exit status tells the supervisor.
            Optional<InvalidConfigurationException> invalid = configurationCause(startupFailed);
            if (invalid.isPresent()) {
                return configurationError(invalid.get());
            }
            err.println("carmarket: startup failed: " + RootCause.describe(startupFailed));
            return ExitStatus.SOFTWARE;
        }
    }

    /** Some configuration can only be checked against what it names, such as a read URL that names a primary. */
    private static Optional<InvalidConfigurationException> configurationCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfigurationException invalid) {
                return Optional.of(invalid);
            }
        }
        return Optional.empty();
    }

    private int configurationError(InvalidConfigurationException invalid) {
        for (ConfigurationProblem problem : invalid.problems()) {
            err.println("carmarket: configuration error: " + problem.describe());
        }
        return ExitStatus.CONFIG;
    }

    private int runCommand(LaunchCommand command, CarmarketSettings settings) {
        quietLibraryLogs();
        try {
            if (command instanceof LaunchCommand.Seed seed) {
                new DemoSeed(out).run(settings, seed.cars());
            } else {
                new Preflight(out).run(settings);
            }
            return ExitStatus.OK;
        } catch (CommandFailedException failed) {
            err.println("carmarket: " + command.name() + " failed: " + failed.getMessage());
            return failed.exitStatus();
        } catch (RuntimeException unexpected) {
            err.println("carmarket: " + command.name() + " failed unexpectedly: " + RootCause.describe(unexpected));
            return ExitStatus.SOFTWARE;
        }
    }

    /** The commands print their own report; Flyway's and the drivers' info and debug lines would bury it. */
    private static void quietLibraryLogs() {
        LoggingSystem.get(CarmarketLauncher.class.getClassLoader())
                .setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
    }
}
