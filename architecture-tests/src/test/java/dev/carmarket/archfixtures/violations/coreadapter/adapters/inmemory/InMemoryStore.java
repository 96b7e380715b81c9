package dev.carmarket.archfixtures.violations.coreadapter.adapters.inmemory;

/** Fixture: an adapter class, used where it must not be. */
public final class InMemoryStore {
}
