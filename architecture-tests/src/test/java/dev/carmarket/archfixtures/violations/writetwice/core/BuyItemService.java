package dev.carmarket.archfixtures.violations.writetwice.core;

import dev.carmarket.archfixtures.violations.writetwice.ports.in.BuyItemUseCase;
import dev.carmarket.archfixtures.violations.writetwice.ports.out.ItemRepository;
import dev.carmarket.archfixtures.violations.writetwice.ports.out.StockLedger;
import reactor.core.publisher.Mono;

/** Violation: writes through two ports without a transaction boundary. */
public final class BuyItemService implements BuyItemUseCase {

    private final ItemRepository items;
    private final StockLedger stock;

    public BuyItemService(ItemRepository items, StockLedger stock) {
        this.items = items;
        this.stock = stock;
    }

    @Override
    public Mono<Void> buy(String name) {
        return stock.changeStock(name, -1).then(items.insert(name));
    }
}
