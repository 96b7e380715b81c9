package dev.carmarket.adapters.web.ratelimit;

/** Told about every request the rate limits refused (metrics); called on the event loop, so it must not block. */
@FunctionalInterface
public interface RateLimitListener {

    RateLimitListener NONE = routeClass -> { };

    void limited(RouteClass routeClass);
}
