package dev.carmarket.archfixtures.violations.adapterusesadapter.adapters.r2dbc;

/** Fixture: one adapter. */
public final class R2dbcItems {
}
