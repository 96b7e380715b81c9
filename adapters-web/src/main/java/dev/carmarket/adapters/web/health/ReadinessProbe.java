package dev.carmarket.adapters.web.health;

import reactor.core.publisher.Mono;

/**
 * What {@code GET /health/ready} asks: whether this instance can serve traffic now. The
 * application implements it (store check, shutdown state); each call must be bounded in time and
 * cheap enough for a probe every few seconds.
 */
@FunctionalInterface
public interface ReadinessProbe {

    Mono<ReadinessReport> check();
}
