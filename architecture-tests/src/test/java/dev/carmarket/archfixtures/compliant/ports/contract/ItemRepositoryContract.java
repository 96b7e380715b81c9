package dev.carmarket.archfixtures.compliant.ports.contract;

import dev.carmarket.archfixtures.compliant.ports.out.shop.ItemRepository;

/** Fixture: the abstract contract test of a store port, run against every implementation. */
public abstract class ItemRepositoryContract {

    protected abstract ItemRepository repository();
}
