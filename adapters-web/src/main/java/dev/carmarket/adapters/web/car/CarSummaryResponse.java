package dev.carmarket.adapters.web.car;

import dev.carmarket.adapters.web.http.WireFormat;
import dev.carmarket.ports.domain.car.CarSummary;

/** A search result item, the contract's CarSummary. {@code thumbnailUrl} may be null. */
public record CarSummaryResponse(
        String id,
        String title,
        String make,
        String model,
        int year,
        MoneyResponse price,
        int mileageKm,
        String fuelType,
        String transmission,
        String bodyType,
        String location,
        String thumbnailUrl,
        String status,
        String listedAt) {

    static CarSummaryResponse from(CarSummary car) {
        return new CarSummaryResponse(WireFormat.id(car.id().value()), car.title(), car.make(), car.model(),
                car.year(), MoneyResponse.from(car.price()), car.mileageKm(), car.fuelType().name(),
                car.transmission().name(), car.bodyType().name(), car.location(), car.thumbnailUrl(),
                car.status().name(), WireFormat.timestamp(car.listedAt()));
    }
}
