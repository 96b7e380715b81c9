package dev.carmarket.adapters.r2dbc.testing;

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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * Deterministic, plausible cars for search plans and benchmarks: 30 make/model pairs, 85% AVAILABLE,
 * model years 2010-2026, prices that fall with age, mileage that grows with it. Car {@code n} of a
 * seed is always the same car, and the stream is generated lazily (100k cars never sit in memory).
 */
public final class SeededCars {

    public static final Instant LISTED_UNTIL = Instant.parse("2026-11-26T00:00:00Z");

    private record Model(String make, String model, BodyType body, int basePrice) {
    }

    private static final List<Model> MODELS = List.of(
            new Model("Volkswagen", "Golf", BodyType.HATCHBACK, 28_000), new Model("Volkswagen", "Passat", BodyType.ESTATE, 38_000),
            new Model("Volkswagen", "Tiguan", BodyType.SUV, 40_000), new Model("BMW", "3 Series", BodyType.SEDAN, 48_000),
            new Model("BMW", "X3", BodyType.SUV, 58_000), new Model("BMW", "1 Series", BodyType.HATCHBACK, 34_000),
            new Model("Mercedes-Benz", "C-Class", BodyType.SEDAN, 50_000), new Model("Mercedes-Benz", "GLC", BodyType.SUV, 62_000),
            new Model("Audi", "A4", BodyType.ESTATE, 47_000), new Model("Audi", "Q5", BodyType.SUV, 60_000),
            new Model("Audi", "A3", BodyType.HATCHBACK, 33_000), new Model("Opel", "Astra", BodyType.HATCHBACK, 26_000),
            new Model("Opel", "Corsa", BodyType.HATCHBACK, 20_000), new Model("Ford", "Focus", BodyType.HATCHBACK, 27_000),
            new Model("Ford", "Kuga", BodyType.SUV, 36_000), new Model("Ford", "Transit", BodyType.VAN, 42_000),
            new Model("Ford", "Ranger", BodyType.PICKUP, 45_000), new Model("Toyota", "Corolla", BodyType.HATCHBACK, 29_000),
            new Model("Toyota", "RAV4", BodyType.SUV, 42_000), new Model("Skoda", "Octavia", BodyType.ESTATE, 31_000),
            new Model("Skoda", "Fabia", BodyType.HATCHBACK, 19_000), new Model("Renault", "Clio", BodyType.HATCHBACK, 19_500),
            new Model("Peugeot", "308", BodyType.HATCHBACK, 28_500), new Model("Fiat", "500", BodyType.HATCHBACK, 17_000),
            new Model("Mazda", "MX-5", BodyType.CONVERTIBLE, 33_000), new Model("Porsche", "911", BodyType.COUPE, 130_000),
            new Model("Tesla", "Model 3", BodyType.SEDAN, 45_000), new Model("Hyundai", "Tucson", BodyType.SUV, 35_000),
            new Model("Kia", "Ceed", BodyType.HATCHBACK, 25_000), new Model("Volvo", "XC60", BodyType.SUV, 55_000));

    private static final List<String> CITIES = List.of("Berlin", "Hamburg", "Munich", "Cologne", "Vienna", "Paris",
            "Lyon", "Madrid", "Rome", "Milan", "Amsterdam", "Brussels", "Warsaw", "Prague");

    private SeededCars() {
    }

    public static Flux<CarDetails> generate(int count, long seed) {
        return Flux.range(0, count).map(index -> car(index, seed));
    }

    public static CarDetails car(int index, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        Model model = MODELS.get(random.nextInt(MODELS.size()));
        int age = (int) Math.min(16, Math.floor(Math.abs(random.nextGaussian()) * 5));
        int year = 2026 - age;
        FuelType fuel = model.make().equals("Tesla") ? FuelType.ELECTRIC
                : FuelType.values()[random.nextInt(FuelType.values().length)];
        BigDecimal price = BigDecimal.valueOf(Math.round(model.basePrice() * Math.pow(0.88, age)
                * (0.85 + random.nextDouble() * 0.3) / 10) * 10L - 10).setScale(2);
        int mileage = age * 12_000 + random.nextInt(15_000);
        CarStatus status = random.nextInt(100) < 85 ? CarStatus.AVAILABLE
                : random.nextBoolean() ? CarStatus.RESERVED : CarStatus.SOLD;
        Instant listedAt = LISTED_UNTIL.minus(Duration.ofSeconds(random.nextLong(365L * 24 * 3600)));
        String city = CITIES.get(random.nextInt(CITIES.size()));
        CarSummary summary = new CarSummary(new CarId(new UUID(random.nextLong(), random.nextLong())),
                year + " " + model.make() + " " + model.model() + " " + trim(random), model.make(), model.model(),
                year, new Money(price, "EUR"), mileage, fuel,
                random.nextBoolean() ? Transmission.MANUAL : Transmission.AUTOMATIC, model.body(), city,
                "https://img.example/cars/" + index + "/thumb.jpg", status, listedAt);
        return new CarDetails(summary, "Well kept " + model.model() + ", full service history.",
                List.of("Black", "White", "Silver", "Blue", "Red").get(random.nextInt(5)),
                model.body() == BodyType.COUPE ? 2 : 5, model.body() == BodyType.VAN ? 3 : 5,
                new Engine(60 + random.nextInt(200), fuel == FuelType.ELECTRIC ? null : 999 + random.nextInt(2000)),
                List.of("Navigation", "Heated seats"), List.of("https://img.example/cars/" + index + "/1.jpg"),
                new Seller("Autohaus " + city, city));
    }

    private static String trim(SplittableRandom random) {
        return List.of("Life", "Style", "Sport", "Comfort", "Highline", "Edition").get(random.nextInt(6));
    }
}
