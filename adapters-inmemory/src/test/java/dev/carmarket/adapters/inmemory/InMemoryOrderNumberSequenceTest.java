package dev.carmarket.adapters.inmemory;

import dev.carmarket.ports.contract.OrderNumberSequenceContract;
import dev.carmarket.ports.out.order.OrderNumberSequence;

class InMemoryOrderNumberSequenceTest extends OrderNumberSequenceContract {

    private final InMemoryAdapters adapters = InMemoryAdapters.empty();

    @Override
    protected OrderNumberSequence sequence() {
        return adapters.ports().orderNumberSequence();
    }
}
