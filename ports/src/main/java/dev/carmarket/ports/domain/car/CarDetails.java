package dev.carmarket.ports.domain.car;

import java.util.List;
import java.util.Objects;

/** A car's full listing: its summary plus the details page data. */
public record CarDetails(
        CarSummary summary,
        String description,
        String color,
        int doors,
        int seats,
        Engine engine,
        List<String> features,
        List<String> images,
        Seller seller) {

    public CarDetails {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(seller, "seller");
        features = List.copyOf(features);
        images = List.copyOf(images);
    }

    public CarId id() {
        return summary.id();
    }

    public CarDetails withStatus(CarStatus status) {
        return new CarDetails(summary.withStatus(status), description, color, doors, seats, engine,
                features, images, seller);
    }
}
