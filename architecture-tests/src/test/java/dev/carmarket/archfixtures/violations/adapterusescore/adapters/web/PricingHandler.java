package dev.carmarket.archfixtures.violations.adapterusescore.adapters.web;

import dev.carmarket.archfixtures.violations.adapterusescore.core.PricingService;

/** Violation: a web adapter that knows core. */
public final class PricingHandler {

    private final PricingService pricing = new PricingService();
}
