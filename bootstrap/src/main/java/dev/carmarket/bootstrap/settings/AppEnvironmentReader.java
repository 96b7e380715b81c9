package dev.carmarket.bootstrap.settings;

import java.util.Locale;

/** {@code APP_ENV}: where the service runs, development when unset. */
public final class AppEnvironmentReader {

    public static final String APP_ENV = "APP_ENV";

    private AppEnvironmentReader() {
    }

    static AppEnvironment read(EnvironmentReader env) {
        // An unrecognised APP_ENV is checked with the strictest rules, so that fixing it
        // does not reveal a second batch of problems.
        return env.parse(APP_ENV, AppEnvironmentReader::appEnvironment)
                .orElse(env.isSet(APP_ENV) ? AppEnvironment.PRODUCTION : AppEnvironment.DEVELOPMENT);
    }

    private static AppEnvironment appEnvironment(String text) {
        return AppEnvironment.fromName(text.toLowerCase(Locale.ROOT)).orElseThrow(() -> new IllegalArgumentException(
                "must be development, test, staging or production (got \"" + text + "\")"));
    }
}
