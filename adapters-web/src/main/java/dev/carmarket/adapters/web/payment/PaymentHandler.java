package dev.carmarket.adapters.web.payment;

import dev.carmarket.adapters.web.body.StrictValidationPolicy;
import dev.carmarket.adapters.web.body.JsonBodyReader;
import dev.carmarket.adapters.web.body.JsonBodyReaders;
import dev.carmarket.adapters.web.http.JsonResponses;
import dev.carmarket.adapters.web.input.PathIds;
import dev.carmarket.ports.domain.payment.PaymentId;
import dev.carmarket.ports.in.payment.GetPaymentUseCase;
import dev.carmarket.ports.in.payment.StartPaymentUseCase;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code POST /payments} and {@code GET /payments/{id}}. */
public final class PaymentHandler {

    private final StartPaymentUseCase startPayment;
    private final GetPaymentUseCase getPayment;
    private final JsonBodyReader<StartPaymentRequest> bodyReader;
    private final JsonResponses responses;

    public PaymentHandler(StartPaymentUseCase startPayment, GetPaymentUseCase getPayment, JsonBodyReaders bodyReaders,
            JsonResponses responses) {
        this.startPayment = startPayment;
        this.getPayment = getPayment;
        this.bodyReader = bodyReaders.forRoute(StrictValidationPolicy.START_PAYMENT, StartPaymentRequest.class);
        this.responses = responses;
    }

    public Mono<ServerResponse> start(ServerRequest request) {
        String idempotencyKey = request.headers().firstHeader(JsonResponses.IDEMPOTENCY_KEY);
        return bodyReader.read(request, body -> body.toCommand(idempotencyKey))
                .flatMap(startPayment::startPayment)
                .flatMap(started -> responses.createdNoStore(PaymentResponse.from(started.payment()),
                        started.replayed()));
    }

    public Mono<ServerResponse> get(ServerRequest request) {
        return PathIds.of(request, PaymentId::new)
                .flatMap(getPayment::getPayment)
                .flatMap(payment -> responses.okNoStore(PaymentResponse.from(payment)));
    }
}
