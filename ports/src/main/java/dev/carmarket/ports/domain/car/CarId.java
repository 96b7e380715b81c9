package dev.carmarket.ports.domain.car;

import java.util.Objects;
import java.util.UUID;

public record CarId(UUID value) {

    public CarId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
