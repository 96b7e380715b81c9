package dev.carmarket.ports.domain.car;

import dev.carmarket.ports.domain.common.Money;
import java.time.Instant;
import java.util.Objects;

/** What a search result shows of a car. {@code thumbnailUrl} may be null. */
public record CarSummary(
        CarId id,
        String title,
        String make,
        String model,
        int year,
        Money price,
        int mileageKm,
        FuelType fuelType,
        Transmission transmission,
        BodyType bodyType,
        String location,
        String thumbnailUrl,
        CarStatus status,
        Instant listedAt) {

    public CarSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(make, "make");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fuelType, "fuelType");
        Objects.requireNonNull(transmission, "transmission");
        Objects.requireNonNull(bodyType, "bodyType");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(listedAt, "listedAt");
        if (mileageKm < 0) {
            throw new IllegalArgumentException("mileageKm must not be negative");
        }
    }

    public CarSummary withStatus(CarStatus newStatus) {
        return new CarSummary(id, title, make, model, year, price, mileageKm, fuelType, transmission,
                bodyType, location, thumbnailUrl, newStatus, listedAt);
    }
}
