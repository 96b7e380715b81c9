package dev.carmarket.smoke;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the command line (and two environment variables for secrets) into {@link SmokeOptions}. */
final class SmokeOptionsParser {

    static final String INTERNAL_TOKEN_ENV = "SMOKE_INTERNAL_TOKEN";
    static final String WEBHOOK_SECRET_ENV = "SMOKE_WEBHOOK_SECRET";

    static final String USAGE = """
            usage: java -jar carmarket-smoke.jar --base-url URL [options]

              --base-url URL            deployed instance to check, e.g. https://api.example.com (required)
              --internal-token TOKEN    also check /health/ready and /metrics with this bearer token
                                        (or set %s)
              --write                   also run the write flow (order, payment, signed webhook): staging only
              --webhook-secret SECRET   HMAC key for the sandbox webhook; required with --write
                                        (or set %s)
              --json [FILE]             write a JSON report to FILE, or to stdout without FILE
                                        (the text report then goes to stderr)
              --timeout DURATION        per-request timeout, e.g. 5s (default), 500ms, 2.5
              --retries N               retries on connection errors and HTTP 503, 0..10 (default 2)
              --retry-backoff DURATION  delay before the first retry, doubled for each further one (default 250ms)
              --headers helmet|core     security header strictness (default helmet: the full helmet 8 baseline)
              --help                    show this help

            exit status: 0 every check passed, 1 a check failed, 2 usage error
            """.formatted(INTERNAL_TOKEN_ENV, WEBHOOK_SECRET_ENV);

    private static final List<String> VALUED_OPTIONS = List.of("--base-url", "--internal-token", "--webhook-secret",
            "--timeout", "--retries", "--retry-backoff", "--headers");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s)?");
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    private static final int MAX_RETRIES = 10;

    private SmokeOptionsParser() {
    }

    static boolean isHelpRequest(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    static SmokeOptions parse(List<String> args, Map<String, String> env) throws UsageException {
        Map<String, String> values = new HashMap<>();
        boolean write = false;
        Optional<Path> jsonReport = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            String inlineValue = name.equals(arg) ? null : arg.substring(equals + 1);
            boolean hasNextValue = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
            if (name.equals("--write")) {
                require(inlineValue == null, "--write takes no value");
                write = true;
            } else if (name.equals("--json")) {
                require(jsonReport.isEmpty(), "--json given twice");
                String file = inlineValue != null ? inlineValue : hasNextValue ? args.get(++i) : "-";
                require(!file.isBlank(), "--json needs a file name, or no value for stdout");
                jsonReport = Optional.of(Path.of(file));
            } else if (VALUED_OPTIONS.contains(name)) {
                require(inlineValue != null || hasNextValue, name + " needs a value");
                String value = inlineValue != null ? inlineValue : args.get(++i);
                require(values.put(name, value) == null, name + " given twice");
            } else {
                throw new UsageException("unknown option '" + name + "'");
            }
        }
        Optional<String> internalToken = secret(values, "--internal-token", env, INTERNAL_TOKEN_ENV);
        Optional<String> webhookSecret = secret(values, "--webhook-secret", env, WEBHOOK_SECRET_ENV);
        require(!write || webhookSecret.isPresent(),
                "--write needs --webhook-secret (or " + WEBHOOK_SECRET_ENV + ") to sign the sandbox webhook");
        require(values.containsKey("--base-url"), "missing --base-url");
        return new SmokeOptions(
                baseUrl(values.get("--base-url")),
                internalToken,
                webhookSecret,
                write,
                jsonReport,
                duration("--timeout", values.getOrDefault("--timeout", "5s"), MAX_TIMEOUT, false),
                new RetryPolicy(retries(values.getOrDefault("--retries", "2")),
                        duration("--retry-backoff", values.getOrDefault("--retry-backoff", "250ms"), MAX_BACKOFF,
                                true)),
                headerPolicy(values.getOrDefault("--headers", "helmet")));
    }

    private static URI baseUrl(String value) throws UsageException {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new UsageException("malformed --base-url '" + value + "': " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        require(scheme.equals("http") || scheme.equals("https"),
                "malformed --base-url '" + value + "': expected an absolute http:// or https:// URL");
        require(uri.getHost() != null, "malformed --base-url '" + value + "': no host");
        // not echoed: the user info would be a credential
        require(uri.getRawUserInfo() == null, "malformed --base-url: credentials in the URL are not supported");
        require(uri.getRawQuery() == null && uri.getRawFragment() == null,
                "malformed --base-url '" + value + "': no query or fragment allowed");
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private static Duration duration(String option, String value, Duration max, boolean zeroAllowed)
            throws UsageException {
        Matcher matcher = DURATION.matcher(value.trim());
        require(matcher.matches(), option + " '" + value + "' is not a duration such as 5s, 500ms or 2.5");
        double amount = Double.parseDouble(matcher.group(1));
        long millis = Math.round("ms".equals(matcher.group(2)) ? amount : amount * 1000);
        Duration duration = Duration.ofMillis(millis);
        require(zeroAllowed || !duration.isZero(), option + " must be positive");
        require(duration.compareTo(max) <= 0, option + " must be at most " + max.toSeconds() + "s");
        return duration;
    }

    private static int retries(String value) throws UsageException {
        try {
            int retries = Integer.parseInt(value.trim());
            require(retries >= 0 && retries <= MAX_RETRIES, "--retries must be between 0 and " + MAX_RETRIES);
            return retries;
        } catch (NumberFormatException e) {
            throw new UsageException("--retries '" + value + "' is not a whole number");
        }
    }

    private static SecurityHeaderPolicy headerPolicy(String value) throws UsageException {
        for (SecurityHeaderPolicy policy : SecurityHeaderPolicy.values()) {
            if (policy.name().equalsIgnoreCase(value.trim())) {
                return policy;
            }
        }
        throw new UsageException("--headers must be helmet or core, not '" + value + "'");
    }

    /** The option wins over the environment variable; neither is ever echoed. */
    private static Optional<String> secret(Map<String, String> values, String option, Map<String, String> env,
                                           String envName) throws UsageException {
        Optional<String> secret = Optional.ofNullable(values.getOrDefault(option, env.get(envName)));
        require(secret.map(s -> !s.isBlank()).orElse(true), option + " (or " + envName + ") must not be blank");
        return secret;
    }

    private static void require(boolean condition, String message) throws UsageException {
        if (!condition) {
            throw new UsageException(message);
        }
    }
}
