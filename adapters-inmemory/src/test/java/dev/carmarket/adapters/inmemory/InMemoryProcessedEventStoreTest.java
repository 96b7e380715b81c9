package dev.carmarket.adapters.inmemory;

import dev.carmarket.ports.contract.ProcessedEventStoreContract;
import dev.carmarket.ports.out.payment.ProcessedEventStore;
import dev.carmarket.ports.out.system.TransactionRunner;

class InMemoryProcessedEventStoreTest extends ProcessedEventStoreContract {

    private final InMemoryAdapters adapters = InMemoryAdapters.empty();

    @Override
    protected ProcessedEventStore processedEvents() {
        return adapters.ports().processedEventStore();
    }

    @Override
    protected TransactionRunner transactions() {
        return adapters.ports().transactionRunner();
    }
}
