package dev.carmarket.adapters.web.security;

import dev.carmarket.adapters.web.http.SecurityHeaders;
import java.util.List;
import java.util.Objects;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The one place where a route may get a header value other than the {@link SecurityHeaders}
 * baseline. Each exemption is named and says why; a reviewer reads this list, and a test pins
 * it, so no loosening happens by accident.
 */
public final class SecurityHeaderExemptions {

    /**
     * The exemptions in force: none. Every route, error and 404 gets the exact baseline; the JSON
     * API needs nothing looser (no pages, scripts or frames).
     */
    public static final SecurityHeaderExemptions IN_FORCE = new SecurityHeaderExemptions(List.of());

    private final List<HeaderExemption> exemptions;

    public SecurityHeaderExemptions(List<HeaderExemption> exemptions) {
        this.exemptions = List.copyOf(exemptions);
    }

    public List<HeaderExemption> all() {
        return exemptions;
    }

    /** The exemptions that apply to {@code request}, in declaration order. */
    List<HeaderExemption> applicableTo(ServerHttpRequest request) {
        return exemptions.stream().filter(exemption -> exemption.paths().matches(request)).toList();
    }

    /**
     * One departure from the baseline.
     *
     * @param name       a stable name to refer to it by
     * @param pathPrefix the route(s) it applies to, with everything below
     * @param header     the baseline header it changes
     * @param value      the value sent instead
     * @param reason     why the baseline does not fit
     */
    public record HeaderExemption(String name, String pathPrefix, String header, String value, String reason) {

        public HeaderExemption {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(pathPrefix, "pathPrefix");
            Objects.requireNonNull(value, "value");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an exemption from the security headers needs a reason: " + name);
            }
            if (!SecurityHeaders.BASELINE.containsKey(header)) {
                throw new IllegalArgumentException(header + " is not a baseline header");
            }
        }

        PathPrefixes paths() {
            return PathPrefixes.of(pathPrefix);
        }
    }
}
