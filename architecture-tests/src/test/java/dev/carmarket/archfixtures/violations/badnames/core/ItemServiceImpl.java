package dev.carmarket.archfixtures.violations.badnames.core;

/** Violation: an ...Impl class. */
public final class ItemServiceImpl {
}
