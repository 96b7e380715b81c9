package dev.carmarket.adapters.inmemory.demo;

import dev.carmarket.ports.domain.car.BodyType;
import dev.carmarket.ports.domain.car.FuelType;
import java.util.List;

/**
 * A make and model as the demo market lists it: its body, the fuels it was sold with (most common
 * first), its price when new in EUR, engine power when new in kW, and its trim levels.
 */
record DemoModel(String make, String model, BodyType bodyType, List<FuelType> fuels, int newPriceEur,
        int powerKw, List<String> trims) {

    boolean isPremium() {
        return newPriceEur >= 40_000;
    }
}
