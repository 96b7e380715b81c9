package dev.carmarket.adapters.demo;

import dev.carmarket.ports.out.system.Version4Uuids;
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
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;

/**
 * Plausible used-car listings for demos and benchmarks. Car {@code i} depends only on the seed and
 * {@code i}: the same seed gives the same cars, a shorter run is a prefix of a longer one, and cars
 * are produced one at a time (100 000 of them never need to be in memory together).
 */
public final class DemoCarGenerator {

    public static final long DEFAULT_SEED = 20_261_126L;
    public static final int DEMO_SIZE = 500;
    public static final int BENCHMARK_SIZE = 100_000;
    public static final int NEWEST_MODEL_YEAR = 2026;
    public static final int OLDEST_MODEL_YEAR = 2010;
    /** Listings are spread over the year before this instant. */
    public static final Instant LISTED_UNTIL = Instant.parse("2026-11-26T00:00:00Z");

    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;
    private static final String IMAGE_BASE_URL = "https://img.carmarket.example/cars/";
    private static final long LISTING_WINDOW_SECONDS = Duration.ofDays(365).toSeconds();

    private final long seed;

    public DemoCarGenerator(long seed) {
        this.seed = seed;
    }

    /** {@code count} cars, generated lazily as they are requested. */
    public Flux<CarDetails> cars(int count) {
        return Flux.range(0, count).map(this::car);
    }

    /** The same cars as {@link #cars(int)}, for callers that fill a store synchronously. */
    public Stream<CarDetails> stream(int count) {
        return IntStream.range(0, count).mapToObj(this::car);
    }

    /** The {@code index}-th car of this seed. */
    public CarDetails car(int index) {
        // each car gets its own generator, so a car never depends on how many came before it
        SplittableRandom random = new SplittableRandom(new SplittableRandom(seed + index * GOLDEN_GAMMA).nextLong());
        CarId id = new CarId(Version4Uuids.of(random.nextLong(), random.nextLong()));
        DemoModel model = pick(random, DemoMarket.MODELS);
        FuelType fuel = fuelOf(random, model);
        // skewed to recent years, and never older than the model itself
        int maxAge = NEWEST_MODEL_YEAR - Math.max(OLDEST_MODEL_YEAR, model.firstModelYear());
        int age = (int) (Math.pow(random.nextDouble(), 1.7) * (maxAge + 1));
        int year = NEWEST_MODEL_YEAR - age;
        int trimLevel = random.nextInt(model.trims().size());
        int mileageKm = mileage(random, age, fuel);
        Engine engine = engine(random, model, fuel, trimLevel);
        Transmission transmission = transmission(random, model, fuel);
        String city = pick(random, DemoMarket.CITIES);
        String color = pick(random, DemoMarket.COLORS);
        Money price = price(random, model, fuel, trimLevel, age, mileageKm);
        String title = year + " " + model.make() + " " + model.model() + engineLabel(engine, fuel) + " "
                + model.trims().get(trimLevel);
        Instant listedAt = LISTED_UNTIL.minusSeconds(random.nextLong(LISTING_WINDOW_SECONDS));
        List<String> images = IntStream.rangeClosed(1, 4 + random.nextInt(5))
                .mapToObj(n -> IMAGE_BASE_URL + id + "/" + n + ".jpg").toList();
        CarSummary summary = new CarSummary(id, title, model.make(), model.model(), year, price, mileageKm, fuel,
                transmission, model.bodyType(), city, IMAGE_BASE_URL + id + "/thumb.jpg", status(random), listedAt);
        int doors = doors(random, model.bodyType());
        int seats = seats(random, model.bodyType());
        return new CarDetails(summary, description(summary, color, engine, random), color, doors, seats, engine,
                features(random, model), images, seller(random, city));
    }

    private static FuelType fuelOf(SplittableRandom random, DemoModel model) {
        // the first fuel listed is the common one: half of all cars, the rest shared evenly
        List<FuelType> fuels = model.fuels();
        return fuels.size() == 1 || random.nextBoolean() ? fuels.get(0) : fuels.get(1 + random.nextInt(fuels.size() - 1));
    }

    private static int mileage(SplittableRandom random, int age, FuelType fuel) {
        int yearlyKm = fuel == FuelType.DIESEL ? random.nextInt(14_000, 26_000) : random.nextInt(7_000, 17_000);
        return age == 0 ? random.nextInt(10, 8_000) : age * yearlyKm + random.nextInt(0, 5_000);
    }

    private static Engine engine(SplittableRandom random, DemoModel model, FuelType fuel, int trimLevel) {
        int powerKw = (int) Math.round(model.powerKw() * (1 + 0.15 * trimLevel) * (0.95 + 0.1 * random.nextDouble()));
        if (fuel == FuelType.ELECTRIC) {
            return new Engine(powerKw, null);
        }
        // cc per kW of modern engines (diesels and hybrids are larger for their power), in 0.1-litre steps
        int ccPerKw = fuel == FuelType.DIESEL || fuel == FuelType.HYBRID ? 17 : 13;
        int litres10 = Math.max(10, Math.min(50, (int) Math.round(powerKw * ccPerKw / 100.0)));
        int displacementCc = litres10 * 100 - (fuel == FuelType.DIESEL ? 32 : 2);
        return new Engine(powerKw, displacementCc);
    }

    private static String engineLabel(Engine engine, FuelType fuel) {
        if (engine.displacementCc() == null) {
            return " " + engine.powerKw() + " kW";
        }
        String litres = String.format(Locale.ROOT, "%.1f", Math.round(engine.displacementCc() / 100.0) / 10.0);
        return switch (fuel) {
            case DIESEL -> " " + litres + " Diesel";
            case HYBRID -> " " + litres + " Hybrid";
            case LPG -> " " + litres + " LPG";
            default -> " " + litres;
        };
    }

    private static Transmission transmission(SplittableRandom random, DemoModel model, FuelType fuel) {
        if (fuel == FuelType.ELECTRIC || fuel == FuelType.HYBRID) {
            return Transmission.AUTOMATIC;
        }
        double automaticShare = model.isPremium() ? 0.85 : 0.35;
        return random.nextDouble() < automaticShare ? Transmission.AUTOMATIC : Transmission.MANUAL;
    }

    /** New price, adjusted for fuel and trim, losing about 14% a year and more for high mileage; ends in 90. */
    private static Money price(SplittableRandom random, DemoModel model, FuelType fuel, int trimLevel, int age,
            int mileageKm) {
        double fuelFactor = switch (fuel) {
            case DIESEL -> 1.05;
            case HYBRID -> 1.10;
            case LPG -> 0.95;
            default -> 1.0;
        };
        double expectedKm = Math.max(1, age) * 15_000.0;
        double mileageFactor = Math.max(0.85, Math.min(1.1, 1.0 - 0.1 * (mileageKm - expectedKm) / expectedKm));
        double value = model.newPriceEur() * fuelFactor * (1 + 0.08 * trimLevel) * 0.9 * Math.pow(0.86, age)
                * mileageFactor * (0.92 + 0.16 * random.nextDouble());
        long euros = Math.max(990, Math.round(value / 100) * 100 - 10);
        return new Money(BigDecimal.valueOf(euros * 100, 2), "EUR");
    }

    private static CarStatus status(SplittableRandom random) {
        double draw = random.nextDouble();
        return draw < 0.85 ? CarStatus.AVAILABLE : draw < 0.95 ? CarStatus.RESERVED : CarStatus.SOLD;
    }

    private static int doors(SplittableRandom random, BodyType body) {
        return switch (body) {
            case COUPE, CONVERTIBLE -> 2;
            case SEDAN, PICKUP -> 4;
            case HATCHBACK -> random.nextInt(10) == 0 ? 3 : 5;
            case ESTATE, SUV, VAN -> 5;
        };
    }

    private static int seats(SplittableRandom random, BodyType body) {
        return switch (body) {
            case COUPE, CONVERTIBLE -> 4;
            case VAN -> random.nextBoolean() ? 7 : 8;
            case SUV -> random.nextInt(5) == 0 ? 7 : 5;
            default -> 5;
        };
    }

    private static List<String> features(SplittableRandom random, DemoModel model) {
        double share = model.isPremium() ? 0.6 : 0.35;
        return DemoMarket.FEATURES.stream().filter(feature -> random.nextDouble() < share).toList();
    }

    private static Seller seller(SplittableRandom random, String city) {
        String name = random.nextInt(10) < 7 ? pick(random, DemoMarket.DEALER_PREFIXES) + " " + city : "Private seller";
        return new Seller(name, city);
    }

    private static String description(CarSummary car, String color, Engine engine, SplittableRandom random) {
        int owners = 1 + random.nextInt(Math.max(1, (NEWEST_MODEL_YEAR - car.year()) / 4 + 1));
        return String.format(Locale.ROOT,
                "%s in %s. %,d km, %s gearbox, %d kW, %s. %d previous owner%s, full service history.",
                car.title(), color.toLowerCase(Locale.ROOT), car.mileageKm(),
                car.transmission().name().toLowerCase(Locale.ROOT), engine.powerKw(),
                car.fuelType().name().toLowerCase(Locale.ROOT), owners, owners == 1 ? "" : "s");
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
