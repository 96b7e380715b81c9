package dev.carmarket.adapters.web.order;

import dev.carmarket.adapters.web.http.WireFormat;
import dev.carmarket.ports.domain.order.MaskedCustomer;
import dev.carmarket.ports.domain.order.OrderView;
import java.math.BigDecimal;

/** The contract's Order; the customer's email and phone are masked. */
public record OrderResponse(
        String id,
        String orderNumber,
        String status,
        String carId,
        BigDecimal amount,
        String currency,
        CustomerResponse customer,
        String deliveryOption,
        String createdAt,
        String expiresAt) {

    public record CustomerResponse(String fullName, String email, String phone) {

        static CustomerResponse from(MaskedCustomer customer) {
            return new CustomerResponse(customer.fullName(), customer.email(), customer.phone());
        }
    }

    static OrderResponse from(OrderView order) {
        return new OrderResponse(WireFormat.id(order.id().value()), order.number().value(), order.status().name(),
                WireFormat.id(order.carId().value()), order.amount().amount(), order.amount().currency(),
                CustomerResponse.from(order.customer()), order.deliveryOption().name(),
                WireFormat.timestamp(order.createdAt()), WireFormat.timestamp(order.expiresAt()));
    }
}
