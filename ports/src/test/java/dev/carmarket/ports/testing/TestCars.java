package dev.carmarket.ports.testing;

import dev.carmarket.ports.domain.car.BodyType;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.CarSummary;
import dev.carmarket.ports.domain.car.Engine;
import dev.carmarket.ports.domain.car.FuelType;
import dev.carmarket.ports.domain.car.Seller;
import dev.carmarket.ports.domain.car.Transmission;
import dev.carmarket.ports.domain.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Valid {@link CarDetails} with every field overridable. Defaults describe an AVAILABLE 2019
 * Volkswagen Golf; instants are whole seconds so that every store returns them unchanged.
 */
public final class TestCars {

    public static final Instant DEFAULT_LISTED_AT = Instant.parse("2026-11-01T09:30:00Z");

    private TestCars() {
    }

    /** A builder with a fresh random id. */
    public static Builder car() {
        return new Builder().id(TestIds.random());
    }

    public static CarDetails available() {
        return car().build();
    }

    public static final class Builder {

        private CarId id;
        private String title;
        private String make = "Volkswagen";
        private String model = "Golf";
        private int year = 2019;
        private Money price = Money.of("18990.00", "EUR");
        private int mileageKm = 42_000;
        private FuelType fuelType = FuelType.PETROL;
        private Transmission transmission = Transmission.MANUAL;
        private BodyType bodyType = BodyType.HATCHBACK;
        private String location = "Berlin";
        private String thumbnailUrl = "https://img.example/cars/thumb.jpg";
        private CarStatus status = CarStatus.AVAILABLE;
        private Instant listedAt = DEFAULT_LISTED_AT;
        private String description = "Well kept, full service history.";
        private String color = "Blue";
        private int doors = 5;
        private int seats = 5;
        private Engine engine = new Engine(110, 1498);
        private List<String> features = List.of("Air conditioning", "Navigation system");
        private List<String> images = List.of("https://img.example/cars/1.jpg", "https://img.example/cars/2.jpg");
        private Seller seller = new Seller("Autohaus Berlin", "Berlin");

        private Builder() {
        }

        public Builder id(UUID id) {
            this.id = new CarId(id);
            return this;
        }

        public Builder id(String uuid) {
            return id(UUID.fromString(uuid));
        }

        /** Defaults to "{year} {make} {model}". */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder make(String make) {
            this.make = make;
            return this;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder year(int year) {
            this.year = year;
            return this;
        }

        public Builder price(String eur) {
            this.price = Money.of(eur, "EUR");
            return this;
        }

        public Builder price(Money price) {
            this.price = price;
            return this;
        }

        public Builder mileageKm(int mileageKm) {
            this.mileageKm = mileageKm;
            return this;
        }

        public Builder fuelType(FuelType fuelType) {
            this.fuelType = fuelType;
            return this;
        }

        public Builder transmission(Transmission transmission) {
            this.transmission = transmission;
            return this;
        }

        public Builder bodyType(BodyType bodyType) {
            this.bodyType = bodyType;
            return this;
        }

        public Builder location(String location) {
            this.location = location;
            return this;
        }

        public Builder thumbnailUrl(String thumbnailUrl) {
            this.thumbnailUrl = thumbnailUrl;
            return this;
        }

        public Builder status(CarStatus status) {
            this.status = status;
            return this;
        }

        public Builder listedAt(Instant listedAt) {
            this.listedAt = listedAt;
            return this;
        }

        public Builder listedAt(String isoInstant) {
            return listedAt(Instant.parse(isoInstant));
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder color(String color) {
            this.color = color;
            return this;
        }

        public Builder doors(int doors) {
            this.doors = doors;
            return this;
        }

        public Builder seats(int seats) {
            this.seats = seats;
            return this;
        }

        public Builder engine(Engine engine) {
            this.engine = engine;
            return this;
        }

        public Builder features(List<String> features) {
            this.features = features;
            return this;
        }

        public Builder images(List<String> images) {
            this.images = images;
            return this;
        }

        public Builder seller(Seller seller) {
            this.seller = seller;
            return this;
        }

        public CarDetails build() {
            String effectiveTitle = title != null ? title : year + " " + make + " " + model;
            CarSummary summary = new CarSummary(id, effectiveTitle, make, model, year, price, mileageKm, fuelType,
                    transmission, bodyType, location, thumbnailUrl, status, listedAt);
            return new CarDetails(summary, description, color, doors, seats, engine, features, images, seller);
        }
    }
}
