package dev.carmarket.archfixtures.violations.adapterusesbootstrap.adapters.inmemory;

import dev.carmarket.archfixtures.violations.adapterusesbootstrap.bootstrap.AppSettings;

/** Violation: an adapter that knows bootstrap. */
public final class ConfiguredStore {

    public String name(AppSettings settings) {
        return settings.name();
    }
}
