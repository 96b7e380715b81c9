package dev.carmarket.archfixtures.compliant.adapters.inmemory;

import dev.carmarket.archfixtures.compliant.ports.domain.shop.Item;
import dev.carmarket.archfixtures.compliant.ports.out.shop.ItemRepository;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Fixture: an adapter implementing a port, with thread-safe instance state. */
public final class InMemoryItemRepository implements ItemRepository {

    private final Map<String, Item> items = new ConcurrentHashMap<>();

    @Override
    public Mono<Item> findByName(String name) {
        return Mono.justOrEmpty(items.get(name));
    }

    @Override
    public Mono<Void> insert(Item item) {
        return Mono.fromRunnable(() -> items.put(item.name(), item));
    }
}
