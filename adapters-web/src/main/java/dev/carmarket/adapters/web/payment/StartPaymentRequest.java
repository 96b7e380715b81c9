package dev.carmarket.adapters.web.payment;

import dev.carmarket.adapters.web.input.InputProblems;
import dev.carmarket.ports.domain.common.IdempotencyKey;
import dev.carmarket.ports.domain.order.OrderId;
import dev.carmarket.ports.domain.payment.PaymentMethod;
import dev.carmarket.ports.domain.payment.StartPaymentCommand;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.UUID;

/** Body of {@code POST /payments}; {@code returnUrl} is optional. */
public record StartPaymentRequest(String orderId, String method, String returnUrl) {

    private static final String INVALID_RETURN_URL = "returnUrl must be an https URL";

    /** The port command, or a 400 listing every problem of the body and of the {@code Idempotency-Key} header. */
    StartPaymentCommand toCommand(String idempotencyKey) {
        InputProblems problems = new InputProblems();
        UUID order = problems.uuid("orderId", orderId);
        PaymentMethod paymentMethod = problems.requiredEnum("method", method, PaymentMethod.class);
        URI returnUri = returnUrl == null ? null : uri(problems, returnUrl);
        IdempotencyKey key = problems.idempotencyKey(idempotencyKey);
        StartPaymentCommand command = problems.isEmpty()
                ? problems.attempt(() -> new StartPaymentCommand(new OrderId(order), paymentMethod, returnUri, key))
                : null;
        problems.throwIfAny();
        return command;
    }

    private static URI uri(InputProblems problems, String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException malformed) {
            problems.add(INVALID_RETURN_URL);
            return null;
        }
    }
}
