package dev.carmarket.bootstrap.settings;

import java.net.URI;
import java.net.URISyntaxException;

/** {@code SENTRY_DSN}, {@code SENTRY_ENVIRONMENT} and {@code SENTRY_RELEASE}: error monitoring, off without a DSN. */
public final class SentrySettingsReader {

    public static final String SENTRY_DSN = "SENTRY_DSN";
    public static final String SENTRY_ENVIRONMENT = "SENTRY_ENVIRONMENT";
    public static final String SENTRY_RELEASE = "SENTRY_RELEASE";

    private SentrySettingsReader() {
    }

    static SentrySettings read(EnvironmentReader env) {
        return new SentrySettings(
                env.parse(SENTRY_DSN, SentrySettingsReader::sentryDsn),
                env.value(SENTRY_ENVIRONMENT),
                env.value(SENTRY_RELEASE));
    }

    private static Secret sentryDsn(String text) {
        String problem = "must be a Sentry DSN such as https://<public key>@<host>/<project id>";
        try {
            URI dsn = new URI(text);
            boolean http = "https".equalsIgnoreCase(dsn.getScheme()) || "http".equalsIgnoreCase(dsn.getScheme());
            if (!http || dsn.getHost() == null || dsn.getRawUserInfo() == null) {
                throw new IllegalArgumentException(problem);
            }
            return new Secret(text);
        } catch (URISyntaxException malformed) {
            // The exception quotes the input: never pass it on.
            throw new IllegalArgumentException(problem);
        }
    }
}
