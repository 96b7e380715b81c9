package dev.carmarket.adapters.observability.sentry;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The last stop before an event leaves the process ({@link SentryOptions#setBeforeSend}): whatever an
 * integration or a log line put into it, no customer data goes out. It drops the user, the request body,
 * cookies, the client's environment (its address) and every header outside {@link #SAFE_HEADERS}, and
 * masks emails and phone numbers ({@link PiiMasking}) in messages, exception messages, extras, tags,
 * breadcrumbs, the request URL and each query parameter.
 */
public final class PiiScrubber implements SentryOptions.BeforeSendCallback {

    /** Headers that say how a request was made, never who made it (no Authorization, Cookie, X-Forwarded-For). */
    static final Set<String> SAFE_HEADERS = Set.of("accept", "content-type", "content-length", "user-agent",
            "x-request-id");

    @Override
    public SentryEvent execute(SentryEvent event, Hint hint) {
        event.setUser(null);
        scrub(event.getRequest());
        scrub(event.getMessage());
        if (event.getExceptions() != null) {
            event.getExceptions().forEach(exception -> exception.setValue(PiiMasking.mask(exception.getValue())));
        }
        if (event.getExtras() != null) {
            event.setExtras(maskedValues(event.getExtras()));
        }
        if (event.getTags() != null) {
            event.setTags(masked(event.getTags(), name -> true));
        }
        if (event.getBreadcrumbs() != null) {
            event.getBreadcrumbs().forEach(PiiScrubber::scrub);
        }
        return event;
    }

    private static void scrub(Request request) {
        if (request == null) {
            return;
        }
        request.setData(null);
        request.setCookies(null);
        request.setEnvs(null);
        request.setOthers(null);
        request.setUrl(PiiMasking.mask(request.getUrl()));
        request.setQueryString(maskedQuery(request.getQueryString()));
        if (request.getHeaders() != null) {
            request.setHeaders(masked(request.getHeaders(),
                    name -> SAFE_HEADERS.contains(name.toLowerCase(Locale.ROOT))));
        }
    }

    private static void scrub(Message message) {
        if (message == null) {
            return;
        }
        message.setMessage(PiiMasking.mask(message.getMessage()));
        message.setFormatted(PiiMasking.mask(message.getFormatted()));
        if (message.getParams() != null) {
            message.setParams(message.getParams().stream().map(PiiMasking::mask).toList());
        }
    }

    private static void scrub(Breadcrumb breadcrumb) {
        breadcrumb.setMessage(PiiMasking.mask(breadcrumb.getMessage()));
        maskedValues(breadcrumb.getData()).forEach(breadcrumb::setData);
    }

    /** Numbers and booleans as they are, everything else as its masked text. */
    private static Map<String, Object> maskedValues(Map<String, Object> values) {
        Map<String, Object> masked = new HashMap<>();
        values.forEach((key, value) -> masked.put(key,
                value == null || value instanceof Number || value instanceof Boolean
                        ? value
                        : PiiMasking.mask(String.valueOf(value))));
        return masked;
    }

    /** Masks each parameter's decoded value (an address arrives as {@code jane%40example.com}), keeping the names. */
    private static String maskedQuery(String query) {
        if (query == null) {
            return null;
        }
        return Arrays.stream(query.split("&", -1)).map(parameter -> {
            int equals = parameter.indexOf('=');
            return equals < 0 ? maskedQueryValue(parameter)
                    : parameter.substring(0, equals + 1) + maskedQueryValue(parameter.substring(equals + 1));
        }).collect(Collectors.joining("&"));
    }

    private static String maskedQueryValue(String value) {
        String decoded;
        try {
            decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return PiiMasking.mask(value);
        }
        String masked = PiiMasking.mask(decoded);
        return masked.equals(decoded) ? PiiMasking.mask(value) : masked;
    }

    /** The entries whose name is kept, values masked. */
    private static Map<String, String> masked(Map<String, String> values, Predicate<String> keep) {
        Map<String, String> masked = new HashMap<>();
        values.forEach((name, value) -> {
            if (keep.test(name)) {
                masked.put(name, PiiMasking.mask(value));
            }
        });
        return masked;
    }
}
