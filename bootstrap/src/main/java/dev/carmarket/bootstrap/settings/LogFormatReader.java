package dev.carmarket.bootstrap.settings;

import java.util.Locale;

/** {@code LOG_FORMAT}: JSON lines in production, where logs are shipped; text elsewhere. */
public final class LogFormatReader {

    public static final String LOG_FORMAT = "LOG_FORMAT";

    private LogFormatReader() {
    }

    static LogFormat read(EnvironmentReader env, AppEnvironment appEnvironment) {
        return env.parse(LOG_FORMAT, LogFormatReader::logFormat)
                .orElse(appEnvironment.isProduction() ? LogFormat.JSON : LogFormat.TEXT);
    }

    private static LogFormat logFormat(String text) {
        return LogFormat.fromName(text.toLowerCase(Locale.ROOT)).orElseThrow(() -> new IllegalArgumentException(
                "must be json or text (got \"" + text + "\")"));
    }
}
