package dev.carmarket.archfixtures.violations.portsusecore.core;

/** Fixture: a core class, used where it must not be. */
public final class PriceRules {
}
