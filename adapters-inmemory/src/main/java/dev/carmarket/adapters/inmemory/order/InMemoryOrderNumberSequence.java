package dev.carmarket.adapters.inmemory.order;

import dev.carmarket.ports.out.order.OrderNumberSequence;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/** 1, 2, 3, ... Like a database sequence it is not transactional: a rolled-back number stays used. */
public final class InMemoryOrderNumberSequence implements OrderNumberSequence {

    private final AtomicLong last = new AtomicLong();

    @Override
    public Mono<Long> next() {
        return Mono.fromSupplier(last::incrementAndGet);
    }
}
