package dev.carmarket.ports.domain.order;

import dev.carmarket.ports.domain.common.Problems;

/** A delivery address; {@code country} is an ISO-3166 alpha-2 code. */
public record DeliveryAddress(String line1, String city, String postalCode, String country) {

    public DeliveryAddress {
        new Problems()
                .check(line1 != null && !line1.isBlank() && line1.length() <= 200,
                        "deliveryAddress.line1 must be between 1 and 200 characters")
                .check(city != null && !city.isBlank() && city.length() <= 100,
                        "deliveryAddress.city must be between 1 and 100 characters")
                .check(postalCode != null && postalCode.matches("[A-Za-z0-9 -]{2,12}"),
                        "deliveryAddress.postalCode must be a postal code")
                .check(country != null && country.matches("[A-Z]{2}"),
                        "deliveryAddress.country must be an ISO 3166-1 alpha-2 code")
                .throwIfAny();
    }
}
