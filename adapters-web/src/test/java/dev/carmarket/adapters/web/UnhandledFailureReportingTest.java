package dev.carmarket.adapters.web;

import static dev.carmarket.adapters.web.support.ContractAssertions.REQUEST_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.carmarket.adapters.web.http.UnhandledFailureListener;
import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.adapters.web.support.WebAdapterTest;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.in.car.SearchCarsUseCase;
import dev.carmarket.ports.in.order.GetOrderUseCase;
import dev.carmarket.ports.in.payment.GetPaymentUseCase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Error monitoring hears of every unhandled 500, once, by route template; never of a 503 or a 4xx. */
class UnhandledFailureReportingTest extends WebAdapterTest {

    static final String ORDER_ID = "3f2e1d0c-0000-4000-8000-000000000001";

    record Report(Throwable failure, String route, String method, String requestId) {
    }

    final List<Report> reports = new CopyOnWriteArrayList<>();
    final IllegalStateException searchBug = new IllegalStateException("search broke");
    final NullPointerException orderBug = new NullPointerException("order broke");

    @Override
    protected WebAdapterHarness.Builder configure(WebAdapterHarness.Builder harness) {
        return harness
                .unhandledFailureListener((failure, route, method, requestId) ->
                        reports.add(new Report(failure, route, method, requestId)))
                .override(SearchCarsUseCase.class, criteria -> Mono.error(searchBug))
                .override(GetOrderUseCase.class, id -> Mono.error(orderBug))
                .override(GetPaymentUseCase.class, id -> Mono.error(new DomainException(DomainError.STORE_UNAVAILABLE,
                        new IllegalStateException("connection refused"))));
    }

    @BeforeEach
    void forgetEarlierReports() {
        reports.clear();
    }

    @Test
    void anUnhandledFailureIsReportedOnceWithTheRouteTemplateMethodAndRequestId() {
        client.get().uri("/car-details/search").header(REQUEST_ID, "boom-1").exchange().expectStatus().isEqualTo(500);
        client.get().uri("/orders/" + ORDER_ID).header(REQUEST_ID, "boom-2").exchange().expectStatus().isEqualTo(500);

        assertThat(reports).extracting(Report::failure, Report::route, Report::method, Report::requestId)
                .containsExactly(
                        tuple(searchBug, "/car-details/search", "GET", "boom-1"),
                        tuple(orderBug, "/orders/{id}", "GET", "boom-2"));
    }

    @Test
    void deliberate503sAnd4xxAreNotReported() {
        client.get().uri("/payments/" + ORDER_ID).exchange().expectStatus().isEqualTo(503);
        client.get().uri("/no/such/route").exchange().expectStatus().isNotFound();
        client.get().uri("/orders/not-a-uuid").exchange().expectStatus().isBadRequest();
        client.delete().uri("/orders").exchange().expectStatus().isEqualTo(405);

        assertThat(reports).isEmpty();
    }
}
