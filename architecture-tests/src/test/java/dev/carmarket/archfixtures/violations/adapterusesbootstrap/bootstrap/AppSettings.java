package dev.carmarket.archfixtures.violations.adapterusesbootstrap.bootstrap;

/** Fixture: bootstrap configuration, used where it must not be. */
public record AppSettings(String name) {
}
