package dev.carmarket.archfixtures.violations.cycles.ports.domain.order;

import dev.carmarket.archfixtures.violations.cycles.ports.domain.car.CarThing;

/** Violation: half of a cycle between feature slices. */
public record OrderThing(CarThing car) {
}
