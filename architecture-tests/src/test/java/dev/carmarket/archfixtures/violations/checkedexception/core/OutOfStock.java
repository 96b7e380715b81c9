package dev.carmarket.archfixtures.violations.checkedexception.core;

/** Violation: a checked exception in core. */
public final class OutOfStock extends Exception {
}
