package dev.carmarket.archfixtures.violations.coreadapter.core;

import dev.carmarket.archfixtures.violations.coreadapter.adapters.inmemory.InMemoryStore;

/** Violation: core that knows an adapter. */
public final class StoreBackedService {

    private final InMemoryStore store = new InMemoryStore();
}
