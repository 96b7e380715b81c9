package dev.carmarket.adapters.inmemory;

import dev.carmarket.ports.contract.PaymentRepositoryContract;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.out.order.OrderRepository;
import dev.carmarket.ports.out.payment.PaymentRepository;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class InMemoryPaymentRepositoryTest extends PaymentRepositoryContract {

    private final InMemoryAdapters adapters = InMemoryAdapters.empty();

    @Override
    protected PaymentRepository payments() {
        return adapters.ports().paymentRepository();
    }

    @Override
    protected OrderRepository orders() {
        return adapters.ports().orderRepository();
    }

    @Override
    protected Mono<Void> givenCars(List<CarDetails> cars) {
        return adapters.carBulkLoader().load(Flux.fromIterable(cars)).then();
    }
}
