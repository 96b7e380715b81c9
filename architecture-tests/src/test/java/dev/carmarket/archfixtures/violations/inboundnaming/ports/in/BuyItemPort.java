package dev.carmarket.archfixtures.violations.inboundnaming.ports.in;

import reactor.core.publisher.Mono;

/** Violation: an inbound port not named ...UseCase. */
public interface BuyItemPort {

    Mono<String> buy(String name);
}
