package dev.carmarket.archfixtures.violations.cycles.core.car;

import dev.carmarket.archfixtures.violations.cycles.core.order.OrderThing;

/** Violation: half of a cycle between feature slices. */
public final class CarThing {

    private OrderThing order;
}
