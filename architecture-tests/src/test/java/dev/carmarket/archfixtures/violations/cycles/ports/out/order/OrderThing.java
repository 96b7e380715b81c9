package dev.carmarket.archfixtures.violations.cycles.ports.out.order;

import dev.carmarket.archfixtures.violations.cycles.ports.out.car.CarThing;

/** Violation: half of a cycle between feature slices. */
public interface OrderThing {

    CarThing car();
}
