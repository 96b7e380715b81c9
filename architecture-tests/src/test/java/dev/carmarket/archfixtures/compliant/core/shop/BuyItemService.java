package dev.carmarket.archfixtures.compliant.core.shop;

import dev.carmarket.archfixtures.compliant.ports.domain.common.DomainError;
import dev.carmarket.archfixtures.compliant.ports.domain.common.DomainException;
import dev.carmarket.archfixtures.compliant.ports.domain.shop.Item;
import dev.carmarket.archfixtures.compliant.ports.in.shop.BuyItemUseCase;
import dev.carmarket.archfixtures.compliant.ports.out.shop.ItemRepository;
import dev.carmarket.archfixtures.compliant.ports.out.shop.StockLedger;
import dev.carmarket.archfixtures.compliant.ports.out.system.TimeSource;
import dev.carmarket.archfixtures.compliant.ports.out.system.TransactionRunner;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

/** Fixture: a core service writing through two ports inside one transaction, zipping with Reactor tuples. */
public final class BuyItemService implements BuyItemUseCase {

    private final ItemRepository items;
    private final StockLedger stock;
    private final TransactionRunner transactions;
    private final TimeSource time;

    public BuyItemService(ItemRepository items, StockLedger stock, TransactionRunner transactions, TimeSource time) {
        this.items = items;
        this.stock = stock;
        this.transactions = transactions;
        this.time = time;
    }

    @Override
    public Mono<Item> buy(String name) {
        return transactions.inTransaction(() -> Mono.zip(items.findByName(name), stock.changeStock(name, -1))
                .filter(Tuple2::getT2)
                .map(Tuple2::getT1)
                .switchIfEmpty(Mono.error(() -> new DomainException(DomainError.NOT_FOUND)))
                .flatMap(item -> items.insert(item).thenReturn(item))
                .doOnNext(item -> time.now()));
    }
}
