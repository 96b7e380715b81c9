package dev.carmarket.adapters.web.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * A set of path prefixes matched segment by segment on the decoded path, ignoring case, empty
 * segments and matrix parameters: {@code //Metrics;x=1/} is {@code /metrics}. A control that
 * protects a path must not be bypassed by a spelling the router might still accept.
 */
final class PathPrefixes {

    private final List<List<String>> prefixes;

    private PathPrefixes(List<List<String>> prefixes) {
        this.prefixes = prefixes;
    }

    /** @param prefixes paths such as {@code /orders}; each also covers everything below it */
    static PathPrefixes of(String... prefixes) {
        return new PathPrefixes(Arrays.stream(prefixes).map(PathPrefixes::segmentsOf).toList());
    }

    /** These prefixes and {@code others}'. */
    PathPrefixes and(PathPrefixes others) {
        return new PathPrefixes(Stream.concat(prefixes.stream(), others.prefixes.stream()).toList());
    }

    boolean matches(ServerHttpRequest request) {
        List<String> segments = request.getPath().pathWithinApplication().elements().stream()
                .filter(PathContainer.PathSegment.class::isInstance)
                .map(segment -> ((PathContainer.PathSegment) segment).valueToMatch().toLowerCase(Locale.ROOT))
                .filter(segment -> !segment.isEmpty())
                .toList();
        return prefixes.stream().anyMatch(prefix -> segments.size() >= prefix.size()
                && segments.subList(0, prefix.size()).equals(prefix));
    }

    private static List<String> segmentsOf(String path) {
        return Arrays.stream(path.toLowerCase(Locale.ROOT).split("/")).filter(segment -> !segment.isEmpty()).toList();
    }
}
