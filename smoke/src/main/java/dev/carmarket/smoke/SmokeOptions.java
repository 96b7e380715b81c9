package dev.carmarket.smoke;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A validated command line.
 *
 * @param baseUrl absolute http(s) URL without a trailing slash, query or fragment
 * @param jsonReport where the JSON report goes: empty for none, {@link #STDOUT} for standard output
 */
record SmokeOptions(URI baseUrl, Optional<String> internalToken, Optional<String> webhookSecret, boolean write,
                    Optional<Path> jsonReport, Duration timeout, RetryPolicy retryPolicy,
                    SecurityHeaderPolicy headerPolicy) {

    static final Path STDOUT = Path.of("-");

    boolean jsonReportToStdout() {
        return jsonReport.filter(STDOUT::equals).isPresent();
    }

    /** Never prints secrets: a report may be pasted into a ticket. */
    @Override
    public String toString() {
        return "SmokeOptions[baseUrl=" + baseUrl + ", internalToken=" + internalToken.map(t -> "***").orElse("none")
                + ", webhookSecret=" + webhookSecret.map(s -> "***").orElse("none") + ", write=" + write + "]";
    }
}
