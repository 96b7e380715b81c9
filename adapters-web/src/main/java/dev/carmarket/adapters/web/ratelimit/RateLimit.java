package dev.carmarket.adapters.web.ratelimit;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route class's token bucket per client: {@code burst} requests at once, refilled at {@code tokens}
 * per {@code period}. Written {@code <tokens>/<s|m|h>:<burst>}, e.g. {@code 40/s:200}.
 */
public record RateLimit(long tokens, Duration period, long burst) {

    /** More than this per client is no limit at all: a typo, not a policy. */
    public static final long MAX_TOKENS = 1_000_000;

    private static final Pattern SPEC = Pattern.compile("(?<tokens>\\d{1,7})/(?<unit>[smh]):(?<burst>\\d{1,7})");

    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (tokens < 1 || tokens > MAX_TOKENS || burst < 1 || burst > MAX_TOKENS) {
            throw new IllegalArgumentException("rate and burst must be between 1 and " + MAX_TOKENS);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the period must be positive");
        }
    }

    /** @throws IllegalArgumentException naming the expected form; the message quotes the spec, never more */
    public static RateLimit parse(String spec) {
        Matcher matcher = SPEC.matcher(spec.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + spec + "' is not <rate>/<s|m|h>:<burst>, e.g. 40/s:200");
        }
        Duration period = switch (matcher.group("unit")) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        return new RateLimit(Long.parseLong(matcher.group("tokens")), period, Long.parseLong(matcher.group("burst")));
    }

    /** How long an empty bucket takes to fill up again: the window of the {@code RateLimit-Policy} header. */
    public Duration refillTime() {
        return period.multipliedBy(burst).dividedBy(tokens);
    }

    @Override
    public String toString() {
        String unit = period.equals(Duration.ofSeconds(1)) ? "s" : period.equals(Duration.ofMinutes(1)) ? "m" : "h";
        return tokens + "/" + unit + ":" + burst;
    }
}
