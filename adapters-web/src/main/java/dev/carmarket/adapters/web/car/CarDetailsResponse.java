package dev.carmarket.adapters.web.car;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.Engine;
import dev.carmarket.ports.domain.car.Seller;
import java.util.List;

/** The contract's CarDetails: every CarSummary field at the top level, plus the details page data. */
public record CarDetailsResponse(
        @JsonUnwrapped CarSummaryResponse summary,
        String description,
        String color,
        int doors,
        int seats,
        EngineResponse engine,
        List<String> features,
        List<String> images,
        SellerResponse seller) {

    /** {@code displacementCc} is null for electric cars. */
    public record EngineResponse(int powerKw, Integer displacementCc) {

        static EngineResponse from(Engine engine) {
            return new EngineResponse(engine.powerKw(), engine.displacementCc());
        }
    }

    public record SellerResponse(String name, String city) {

        static SellerResponse from(Seller seller) {
            return new SellerResponse(seller.name(), seller.city());
        }
    }

    static CarDetailsResponse from(CarDetails car) {
        return new CarDetailsResponse(CarSummaryResponse.from(car.summary()), car.description(), car.color(),
                car.doors(), car.seats(), EngineResponse.from(car.engine()), car.features(), car.images(),
                SellerResponse.from(car.seller()));
    }
}
