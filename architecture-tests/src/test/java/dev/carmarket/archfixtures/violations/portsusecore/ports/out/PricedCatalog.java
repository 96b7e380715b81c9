package dev.carmarket.archfixtures.violations.portsusecore.ports.out;

import dev.carmarket.archfixtures.violations.portsusecore.core.PriceRules;

/** Violation: a port that knows core. */
public interface PricedCatalog {

    PriceRules rules();
}
