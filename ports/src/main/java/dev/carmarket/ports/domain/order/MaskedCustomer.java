package dev.carmarket.ports.domain.order;

/** Customer contact data safe to show to clients and to write to logs. */
public record MaskedCustomer(String fullName, String email, String phone) {
}
