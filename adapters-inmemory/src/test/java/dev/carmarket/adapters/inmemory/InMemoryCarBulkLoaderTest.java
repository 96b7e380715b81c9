package dev.carmarket.adapters.inmemory;

import dev.carmarket.ports.contract.CarBulkLoaderContract;
import dev.carmarket.ports.out.car.CarBulkLoader;
import dev.carmarket.ports.out.car.CarCatalog;

class InMemoryCarBulkLoaderTest extends CarBulkLoaderContract {

    private final InMemoryAdapters adapters = InMemoryAdapters.empty();

    @Override
    protected CarBulkLoader bulkLoader() {
        return adapters.carBulkLoader();
    }

    @Override
    protected CarCatalog catalog() {
        return adapters.ports().carCatalog();
    }
}
