package dev.carmarket.archfixtures.violations.cycles.ports.out.car;

import dev.carmarket.archfixtures.violations.cycles.ports.out.order.OrderThing;

/** Violation: half of a cycle between feature slices. */
public interface CarThing {

    OrderThing order();
}
