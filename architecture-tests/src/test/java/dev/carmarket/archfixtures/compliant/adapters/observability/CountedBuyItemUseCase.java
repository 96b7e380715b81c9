package dev.carmarket.archfixtures.compliant.adapters.observability;

import dev.carmarket.archfixtures.compliant.ports.domain.shop.Item;
import dev.carmarket.archfixtures.compliant.ports.in.shop.BuyItemUseCase;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/** Fixture: an observability decorator around a use case, which the architecture allows. */
public final class CountedBuyItemUseCase implements BuyItemUseCase {

    private final BuyItemUseCase delegate;
    private final AtomicLong calls = new AtomicLong();

    public CountedBuyItemUseCase(BuyItemUseCase delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Item> buy(String name) {
        return delegate.buy(name).doOnSubscribe(subscription -> calls.incrementAndGet());
    }
}
