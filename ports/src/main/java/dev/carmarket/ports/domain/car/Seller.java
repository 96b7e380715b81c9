package dev.carmarket.ports.domain.car;

import java.util.Objects;

public record Seller(String name, String city) {

    public Seller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(city, "city");
    }
}
