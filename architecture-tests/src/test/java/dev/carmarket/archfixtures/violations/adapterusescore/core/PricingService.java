package dev.carmarket.archfixtures.violations.adapterusescore.core;

/** Fixture: a core service, used where it must not be. */
public final class PricingService {
}
