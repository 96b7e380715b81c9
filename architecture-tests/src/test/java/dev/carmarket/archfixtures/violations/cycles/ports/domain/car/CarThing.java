package dev.carmarket.archfixtures.violations.cycles.ports.domain.car;

import dev.carmarket.archfixtures.violations.cycles.ports.domain.order.OrderThing;

/** Violation: half of a cycle between feature slices. */
public record CarThing(OrderThing order) {
}
