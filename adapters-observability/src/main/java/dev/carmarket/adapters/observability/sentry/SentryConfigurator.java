package dev.carmarket.adapters.observability.sentry;

import io.sentry.Sentry;
import io.sentry.SentryOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Sentry on for the process when a DSN is configured, and off again at shutdown. Without a DSN
 * nothing is initialized at all: the SDK stays a no-op and reporting costs nothing.
 * <p>
 * Events carry {@code environment} and {@code release} from here and no personal data:
 * {@code sendDefaultPii} off, no request bodies, and {@link PiiScrubber} as the last step before sending.
 * The application owns the lifecycle ({@link #start()} when it starts, {@link #close()} after in-flight
 * requests have drained), so the SDK's own JVM shutdown hook is off: it could close Sentry while the
 * last requests still report.
 */
public final class SentryConfigurator implements AutoCloseable {

    /** Long enough to deliver the last few events, short enough to fit in the shutdown grace period. */
    public static final Duration DEFAULT_FLUSH_TIMEOUT = Duration.ofSeconds(2);

    private final String dsn;
    private final String environment;
    private final String release;
    private final Duration flushTimeout;
    private final AtomicBoolean started = new AtomicBoolean();

    /** {@code environment} and {@code release} may be null or blank (not set). */
    public SentryConfigurator(String dsn, String environment, String release) {
        this(dsn, environment, release, DEFAULT_FLUSH_TIMEOUT);
    }

    public SentryConfigurator(String dsn, String environment, String release, Duration flushTimeout) {
        this.dsn = blankToNull(dsn);
        this.environment = blankToNull(environment);
        this.release = blankToNull(release);
        this.flushTimeout = flushTimeout;
    }

    /** Whether a DSN is configured, i.e. whether {@link #start()} turns Sentry on. */
    public boolean enabled() {
        return dsn != null;
    }

    /**
     * Initializes the SDK once when a DSN is configured; does nothing otherwise.
     *
     * @return whether Sentry is on
     */
    public boolean start() {
        if (enabled() && started.compareAndSet(false, true)) {
            SentryOptions options = new SentryOptions();
            configure(options);
            Sentry.init(options);
            // The SDK builds these lazily under a lock that its own startup task also takes: build them here,
            // on the starting thread, so that no report on an event loop ever waits for that lock.
            options.getSerializer();
            options.getDateProvider();
        }
        return enabled();
    }

    /**
     * Applies this configuration to the options: used by {@link #start()}, and usable by whoever else
     * initializes the SDK (e.g. an options customizer of a Spring integration).
     */
    public void configure(SentryOptions options) {
        options.setDsn(dsn);
        if (environment != null) {
            options.setEnvironment(environment);
        }
        if (release != null) {
            options.setRelease(release);
        }
        options.setSendDefaultPii(false);
        options.setMaxRequestBodySize(SentryOptions.RequestSize.NONE);
        options.setBeforeSend(new PiiScrubber());
        // One report per failure even when a log appender sees the same exception as the error handler.
        options.setEnableDeduplication(true);
        options.setEnableShutdownHook(false);
        // Reports are made on event-loop threads: the SDK would resolve the host name there (waiting up to a
        // second) and read every jar's manifest for the module list. One VPS needs neither.
        options.setAttachServerName(false);
        options.setSendModules(false);
        options.setFlushTimeoutMillis(flushTimeout.toMillis());
        options.setShutdownTimeoutMillis(flushTimeout.toMillis());
    }

    /** Sends what is still queued (bounded by the flush timeout) and closes the SDK; no-op when not started. */
    @Override
    public void close() {
        if (started.compareAndSet(true, false)) {
            Sentry.flush(flushTimeout.toMillis());
            Sentry.close();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
