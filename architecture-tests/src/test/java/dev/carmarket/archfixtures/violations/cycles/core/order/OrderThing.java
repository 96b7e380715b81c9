package dev.carmarket.archfixtures.violations.cycles.core.order;

import dev.carmarket.archfixtures.violations.cycles.core.car.CarThing;

/** Violation: half of a cycle between feature slices. */
public final class OrderThing {

    private CarThing car;
}
