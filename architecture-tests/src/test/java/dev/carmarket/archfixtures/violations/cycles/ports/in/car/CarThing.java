package dev.carmarket.archfixtures.violations.cycles.ports.in.car;

import dev.carmarket.archfixtures.violations.cycles.ports.in.order.OrderThing;

/** Violation: half of a cycle between feature slices. */
public interface CarThing {

    OrderThing order();
}
