package dev.carmarket.adapters.inmemory;

import dev.carmarket.ports.contract.IdempotencyStoreContract;
import dev.carmarket.ports.out.idempotency.IdempotencyStore;
import dev.carmarket.ports.out.system.TransactionRunner;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    private final InMemoryAdapters adapters = InMemoryAdapters.empty();

    @Override
    protected IdempotencyStore idempotency() {
        return adapters.ports().idempotencyStore();
    }

    @Override
    protected TransactionRunner transactions() {
        return adapters.ports().transactionRunner();
    }
}
