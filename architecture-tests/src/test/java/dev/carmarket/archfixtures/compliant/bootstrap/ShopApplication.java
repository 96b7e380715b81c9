package dev.carmarket.archfixtures.compliant.bootstrap;

import dev.carmarket.archfixtures.compliant.adapters.inmemory.InMemoryItemRepository;
import dev.carmarket.archfixtures.compliant.adapters.observability.CountedBuyItemUseCase;
import dev.carmarket.archfixtures.compliant.adapters.r2dbc.R2dbcTransactionRunner;
import dev.carmarket.archfixtures.compliant.adapters.web.ItemHandler;
import dev.carmarket.archfixtures.compliant.core.shop.BuyItemService;
import dev.carmarket.archfixtures.compliant.ports.out.shop.StockLedger;
import dev.carmarket.archfixtures.compliant.ports.out.system.TimeSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Fixture: the one Spring Boot application, which alone knows core and every adapter. */
@SpringBootApplication
public class ShopApplication {

    public ItemHandler itemHandler(TransactionalOperator operator, StockLedger stock, TimeSource time) {
        BuyItemService service = new BuyItemService(new InMemoryItemRepository(), stock,
                new R2dbcTransactionRunner(operator), time);
        return new ItemHandler(new CountedBuyItemUseCase(service));
    }
}
