package dev.carmarket.adapters.demo;

import dev.carmarket.ports.domain.car.BodyType;
import dev.carmarket.ports.domain.car.FuelType;
import java.util.List;

/**
 * A make and model as the demo market lists it: its body, the fuels it was sold with (most common
 * first), its price when new in EUR, engine power when new in kW, its trim levels, and its first
 * model year (so no listing predates the model).
 */
record DemoModel(String make, String model, BodyType bodyType, List<FuelType> fuels, int newPriceEur,
        int powerKw, List<String> trims, int firstModelYear) {

    /** The same model, first sold in {@code year}. */
    DemoModel since(int year) {
        return new DemoModel(make, model, bodyType, fuels, newPriceEur, powerKw, trims, year);
    }

    boolean isPremium() {
        return newPriceEur >= 40_000;
    }
}
