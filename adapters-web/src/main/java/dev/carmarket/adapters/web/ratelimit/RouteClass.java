package dev.carmarket.adapters.web.ratelimit;

import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The groups of routes that share a client's rate limit. Every other request (health, metrics, unknown
 * routes, CORS preflights) is not limited by the service: nginx bounds those in front.
 */
public enum RouteClass {
    /** {@code GET /car-details/*}, {@code GET /orders/{id}}, {@code GET /payments/{id}}. */
    READS("reads"),
    /** {@code POST /orders}, {@code POST /payments}. */
    WRITES("writes"),
    /** {@code POST /payments/webhook}; only a refused signature spends its budget. */
    WEBHOOK("webhook");

    private final String label;

    RouteClass(String label) {
        this.label = label;
    }

    /** The name in {@code RATE_LIMITS}, the {@code RateLimit} headers and the {@code class} metric label. */
    public String label() {
        return label;
    }

    /**
     * Classified by the path as the router matches it: decoded segments without their {@code ;parameters},
     * so {@code /ord%65rs} and {@code /orders;x=1} count as {@code /orders}.
     */
    public static Optional<RouteClass> of(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        String path = request.getPath().pathWithinApplication().elements().stream()
                .filter(PathContainer.PathSegment.class::isInstance)
                .map(segment -> ((PathContainer.PathSegment) segment).valueToMatch())
                .filter(segment -> !segment.isEmpty())
                .collect(Collectors.joining("/", "/", ""));
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            return isRead(path) ? Optional.of(READS) : Optional.empty();
        }
        if (HttpMethod.POST.equals(method)) {
            return switch (path) {
                case "/orders", "/payments" -> Optional.of(WRITES);
                case "/payments/webhook" -> Optional.of(WEBHOOK);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private static boolean isRead(String path) {
        return path.startsWith("/car-details/") || hasOneSegmentBelow(path, "/orders/")
                || hasOneSegmentBelow(path, "/payments/");
    }

    private static boolean hasOneSegmentBelow(String path, String prefix) {
        return path.startsWith(prefix) && path.length() > prefix.length() && path.indexOf('/', prefix.length()) < 0;
    }

    public static Optional<RouteClass> named(String label) {
        for (RouteClass routeClass : values()) {
            if (routeClass.label.equals(label)) {
                return Optional.of(routeClass);
            }
        }
        return Optional.empty();
    }
}
