package dev.carmarket.archfixtures.violations.adapterusesadapter.adapters.web;

import dev.carmarket.archfixtures.violations.adapterusesadapter.adapters.r2dbc.R2dbcItems;

/** Violation: an adapter that knows another adapter. */
public final class ItemsHandler {

    private final R2dbcItems items = new R2dbcItems();
}
