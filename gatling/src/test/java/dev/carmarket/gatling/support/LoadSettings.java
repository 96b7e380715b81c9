package dev.carmarket.gatling.support;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The load profile of one simulation run, from system properties (run.sh sets them; the defaults
 * suit a quick run by hand against a development instance on port 8080):
 * <ul>
 *   <li>{@code carmarket.baseUrl} - the service, default {@code http://127.0.0.1:8080};</li>
 *   <li>{@code carmarket.usersPerSec} - arrival rate of new virtual users in the steady phase;</li>
 *   <li>{@code carmarket.warmUpSeconds} - linear ramp from a tenth of the rate up to it;</li>
 *   <li>{@code carmarket.steadySeconds} - constant arrivals (randomised, Poisson-like) at the rate;</li>
 *   <li>{@code carmarket.maxDurationSeconds} - hard stop, default warm-up + steady + 60 s;</li>
 *   <li>{@code carmarket.webhookSecret} - PAYMENT_WEBHOOK_SECRET of the service, default the public
 *       development secret that a non-production instance uses.</li>
 * </ul>
 */
public record LoadSettings(URI baseUrl, double usersPerSec, Duration warmUp, Duration steady, Duration maxDuration,
        String webhookSecret) {

    /** EdgeSettingsReader.DEVELOPMENT_WEBHOOK_SECRET: public, refused by a production instance. */
    static final String DEVELOPMENT_WEBHOOK_SECRET = "carmarket-development-webhook-secret-not-for-production";

    public LoadSettings {
        if (!(usersPerSec > 0)) {
            throw new IllegalArgumentException("carmarket.usersPerSec must be > 0");
        }
    }

    public static LoadSettings fromSystemProperties(double defaultUsersPerSec) {
        Duration warmUp = Duration.ofSeconds(Long.getLong("carmarket.warmUpSeconds", 10));
        Duration steady = Duration.ofSeconds(Long.getLong("carmarket.steadySeconds", 30));
        return new LoadSettings(
                URI.create(System.getProperty("carmarket.baseUrl", "http://127.0.0.1:8080")),
                Double.parseDouble(System.getProperty("carmarket.usersPerSec", Double.toString(defaultUsersPerSec))),
                warmUp,
                steady,
                Duration.ofSeconds(Long.getLong("carmarket.maxDurationSeconds",
                        warmUp.plus(steady).plusSeconds(60).toSeconds())),
                System.getProperty("carmarket.webhookSecret", DEVELOPMENT_WEBHOOK_SECRET));
    }

    /** Open model: users arrive at the given rate whatever the response times (a closed model would hide a slowdown). */
    public List<OpenInjectionStep> openInjection(double rate) {
        return List.of(
                rampUsersPerSec(rate / 10).to(rate).during(warmUp),
                constantUsersPerSec(rate).during(steady).randomized());
    }

    /** An upper bound of the users {@link #openInjection} starts at this rate, for sizing feeders. */
    public int maxUsers(double rate) {
        return (int) Math.ceil(rate * warmUp.plus(steady).toSeconds() * 1.1) + 10;
    }
}
