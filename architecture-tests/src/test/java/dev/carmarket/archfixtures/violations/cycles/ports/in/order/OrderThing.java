package dev.carmarket.archfixtures.violations.cycles.ports.in.order;

import dev.carmarket.archfixtures.violations.cycles.ports.in.car.CarThing;

/** Violation: half of a cycle between feature slices. */
public interface OrderThing {

    CarThing car();
}
