package dev.carmarket.bootstrap.observation;

import dev.carmarket.adapters.web.http.AccessLogFilter;
import io.micrometer.common.KeyValue;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * {@code http_server_requests_seconds}'s {@code uri} is the matched route's template
 * ({@code /car-details/{id}}), as Spring's default convention has it, and one value,
 * {@value AccessLogFilter#UNMATCHED} (as in the access log and Sentry's {@code route} tag), for every
 * request that reached no route: an unknown path, or one refused by a filter before routing (a 401 on
 * an internal endpoint, a 413). The default would split those into {@code NOT_FOUND}, {@code REDIRECTION}
 * and {@code UNKNOWN} by status.
 */
public final class RouteTemplateObservationConvention extends DefaultServerRequestObservationConvention {

    static final KeyValue UNMATCHED_URI = KeyValue.of("uri", AccessLogFilter.UNMATCHED);

    @Override
    protected KeyValue uri(ServerRequestObservationContext context) {
        String pattern = context.getPathPattern();
        return pattern == null || pattern.isEmpty() ? UNMATCHED_URI : super.uri(context);
    }
}
