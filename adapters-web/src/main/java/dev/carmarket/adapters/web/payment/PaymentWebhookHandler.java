package dev.carmarket.adapters.web.payment;

import dev.carmarket.adapters.web.body.StrictValidationPolicy;
import dev.carmarket.adapters.web.body.JsonBodyReader;
import dev.carmarket.adapters.web.body.JsonBodyReaders;
import dev.carmarket.adapters.web.http.JsonResponses;
import dev.carmarket.ports.domain.payment.PaymentEvent;
import dev.carmarket.ports.domain.payment.PaymentEventOutcome;
import dev.carmarket.ports.in.payment.HandlePaymentEventUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /payments/webhook}: the signature is checked over the raw bytes before they are
 * parsed; every handled outcome, a duplicate included, is acknowledged alike.
 */
public final class PaymentWebhookHandler {

    private static final Logger log = LoggerFactory.getLogger(PaymentWebhookHandler.class);

    private final HandlePaymentEventUseCase handlePaymentEvent;
    private final WebhookSignatureVerifier signatureVerifier;
    private final JsonBodyReader<PaymentWebhookRequest> bodyReader;
    private final JsonResponses responses;

    public PaymentWebhookHandler(HandlePaymentEventUseCase handlePaymentEvent,
            WebhookSignatureVerifier signatureVerifier, JsonBodyReaders bodyReaders, JsonResponses responses) {
        this.handlePaymentEvent = handlePaymentEvent;
        this.signatureVerifier = signatureVerifier;
        this.bodyReader = bodyReaders.forRoute(StrictValidationPolicy.PAYMENT_WEBHOOK, PaymentWebhookRequest.class);
        this.responses = responses;
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        String signature = request.headers().firstHeader(WebhookSignatureVerifier.HEADER);
        return bodyReader.readBytes(request)
                .map(body -> {
                    signatureVerifier.verify(signature, body);
                    return bodyReader.convert(body, PaymentWebhookRequest::toEvent);
                })
                .flatMap(event -> handlePaymentEvent.handle(event).doOnNext(outcome -> logOutcome(event, outcome)))
                .flatMap(outcome -> responses.okNoStore(WebhookAckResponse.RECEIVED));
    }

    private static void logOutcome(PaymentEvent event, PaymentEventOutcome outcome) {
        if (outcome == PaymentEventOutcome.LATE_CAPTURE) {
            log.warn("Payment event {} captured a payment whose order is no longer payable: refund needed",
                    event.eventId());
        } else {
            log.info("Payment event {} ({}) handled: {}", event.eventId(), event.type().wireName(), outcome);
        }
    }
}
