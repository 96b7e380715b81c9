package dev.carmarket.adapters.demo;

import static dev.carmarket.ports.domain.car.BodyType.CONVERTIBLE;
import static dev.carmarket.ports.domain.car.BodyType.COUPE;
import static dev.carmarket.ports.domain.car.BodyType.ESTATE;
import static dev.carmarket.ports.domain.car.BodyType.HATCHBACK;
import static dev.carmarket.ports.domain.car.BodyType.PICKUP;
import static dev.carmarket.ports.domain.car.BodyType.SEDAN;
import static dev.carmarket.ports.domain.car.BodyType.SUV;
import static dev.carmarket.ports.domain.car.BodyType.VAN;
import static dev.carmarket.ports.domain.car.FuelType.DIESEL;
import static dev.carmarket.ports.domain.car.FuelType.ELECTRIC;
import static dev.carmarket.ports.domain.car.FuelType.HYBRID;
import static dev.carmarket.ports.domain.car.FuelType.LPG;
import static dev.carmarket.ports.domain.car.FuelType.PETROL;

import dev.carmarket.ports.domain.car.BodyType;
import dev.carmarket.ports.domain.car.FuelType;
import java.util.List;

/** The fixed vocabulary of the demo market: models, cities, colours, features, dealers. */
final class DemoMarket {

    private static final List<String> VW_TRIMS = List.of("Life", "Style", "R-Line");
    private static final List<String> SKODA_TRIMS = List.of("Ambition", "Style", "Sportline");
    private static final List<String> BMW_TRIMS = List.of("Advantage", "Sport Line", "M Sport");
    private static final List<String> MERCEDES_TRIMS = List.of("Progressive", "Avantgarde", "AMG Line");
    private static final List<String> AUDI_TRIMS = List.of("Basis", "Advanced", "S line");
    private static final List<String> TOYOTA_TRIMS = List.of("Comfort", "Team D", "GR Sport");
    private static final List<String> FRENCH_TRIMS = List.of("Life", "Allure", "GT");
    private static final List<String> COMMON_TRIMS = List.of("Base", "Comfort", "Premium");
    private static final List<String> EV_TRIMS = List.of("Standard Range", "Long Range", "Performance");

    static final List<DemoModel> MODELS = List.of(
            model("Volkswagen", "Golf", HATCHBACK, 29_000, 110, VW_TRIMS, PETROL, DIESEL, HYBRID),
            model("Volkswagen", "Polo", HATCHBACK, 21_000, 70, VW_TRIMS, PETROL),
            model("Volkswagen", "Passat", ESTATE, 42_000, 110, VW_TRIMS, DIESEL, PETROL, HYBRID),
            model("Volkswagen", "Tiguan", SUV, 38_000, 110, VW_TRIMS, PETROL, DIESEL),
            model("Volkswagen", "ID.3", HATCHBACK, 38_000, 150, EV_TRIMS, ELECTRIC).since(2020),
            model("Volkswagen", "ID.4", SUV, 45_000, 150, EV_TRIMS, ELECTRIC).since(2021),
            model("Volkswagen", "Transporter", VAN, 48_000, 110, COMMON_TRIMS, DIESEL),
            model("BMW", "1 Series", HATCHBACK, 33_000, 100, BMW_TRIMS, PETROL, DIESEL),
            model("BMW", "3 Series", SEDAN, 46_000, 135, BMW_TRIMS, DIESEL, PETROL, HYBRID),
            model("BMW", "5 Series", SEDAN, 60_000, 150, BMW_TRIMS, DIESEL, PETROL, HYBRID),
            model("BMW", "X1", SUV, 42_000, 110, BMW_TRIMS, PETROL, DIESEL, HYBRID),
            model("BMW", "X3", SUV, 55_000, 140, BMW_TRIMS, DIESEL, PETROL),
            model("BMW", "i4", SEDAN, 58_000, 250, EV_TRIMS, ELECTRIC).since(2021),
            model("BMW", "4 Series", CONVERTIBLE, 58_000, 150, BMW_TRIMS, PETROL, DIESEL).since(2014),
            model("Mercedes-Benz", "A-Class", HATCHBACK, 36_000, 100, MERCEDES_TRIMS, PETROL, DIESEL),
            model("Mercedes-Benz", "C-Class", SEDAN, 50_000, 150, MERCEDES_TRIMS, DIESEL, PETROL, HYBRID),
            model("Mercedes-Benz", "E-Class", ESTATE, 64_000, 160, MERCEDES_TRIMS, DIESEL, PETROL, HYBRID),
            model("Mercedes-Benz", "GLC", SUV, 60_000, 160, MERCEDES_TRIMS, DIESEL, HYBRID, PETROL).since(2015),
            model("Mercedes-Benz", "Vito", VAN, 45_000, 110, COMMON_TRIMS, DIESEL),
            model("Audi", "A3", HATCHBACK, 35_000, 110, AUDI_TRIMS, PETROL, DIESEL),
            model("Audi", "A4", SEDAN, 45_000, 120, AUDI_TRIMS, DIESEL, PETROL),
            model("Audi", "A6", ESTATE, 60_000, 150, AUDI_TRIMS, DIESEL, PETROL, HYBRID),
            model("Audi", "Q3", SUV, 42_000, 110, AUDI_TRIMS, PETROL, DIESEL).since(2012),
            model("Audi", "Q5", SUV, 55_000, 150, AUDI_TRIMS, DIESEL, PETROL, HYBRID),
            model("Audi", "A5", COUPE, 52_000, 150, AUDI_TRIMS, PETROL, DIESEL),
            model("Skoda", "Octavia", ESTATE, 32_000, 110, SKODA_TRIMS, DIESEL, PETROL, LPG),
            model("Skoda", "Fabia", HATCHBACK, 20_000, 70, SKODA_TRIMS, PETROL, LPG),
            model("Skoda", "Superb", ESTATE, 42_000, 140, SKODA_TRIMS, DIESEL, PETROL, HYBRID),
            model("Skoda", "Kodiaq", SUV, 42_000, 140, SKODA_TRIMS, DIESEL, PETROL).since(2017),
            model("Skoda", "Enyaq", SUV, 46_000, 150, EV_TRIMS, ELECTRIC).since(2021),
            model("Seat", "Leon", HATCHBACK, 28_000, 110, List.of("Reference", "Style", "FR"), PETROL, DIESEL),
            model("Seat", "Ibiza", HATCHBACK, 19_000, 70, List.of("Reference", "Style", "FR"), PETROL, LPG),
            model("Cupra", "Formentor", SUV, 40_000, 150, List.of("V1", "V2", "VZ"), PETROL, HYBRID).since(2020),
            model("Toyota", "Corolla", HATCHBACK, 30_000, 103, TOYOTA_TRIMS, HYBRID, PETROL).since(2019),
            model("Toyota", "Yaris", HATCHBACK, 22_000, 85, TOYOTA_TRIMS, HYBRID, PETROL),
            model("Toyota", "RAV4", SUV, 42_000, 160, TOYOTA_TRIMS, HYBRID, PETROL),
            model("Toyota", "C-HR", SUV, 35_000, 103, TOYOTA_TRIMS, HYBRID).since(2017),
            model("Toyota", "Hilux", PICKUP, 45_000, 150, COMMON_TRIMS, DIESEL),
            model("Ford", "Focus", HATCHBACK, 27_000, 92, List.of("Trend", "Titanium", "ST-Line"), PETROL, DIESEL),
            model("Ford", "Fiesta", HATCHBACK, 19_000, 74, List.of("Trend", "Titanium", "ST-Line"), PETROL),
            model("Ford", "Kuga", SUV, 36_000, 140, List.of("Trend", "Titanium", "ST-Line"), PETROL, HYBRID, DIESEL).since(2013),
            model("Ford", "Mustang", COUPE, 55_000, 330, List.of("GT", "Mach 1", "Dark Horse"), PETROL),
            model("Ford", "Ranger", PICKUP, 45_000, 150, List.of("XL", "XLT", "Wildtrak"), DIESEL),
            model("Opel", "Corsa", HATCHBACK, 20_000, 74, List.of("Edition", "Elegance", "GS"), PETROL, LPG, ELECTRIC),
            model("Opel", "Astra", HATCHBACK, 27_000, 96, List.of("Edition", "Elegance", "GS"), PETROL, DIESEL, LPG),
            model("Renault", "Clio", HATCHBACK, 19_000, 67, List.of("Evolution", "Techno", "Esprit Alpine"), PETROL, LPG, HYBRID),
            model("Renault", "Megane", HATCHBACK, 38_000, 160, EV_TRIMS, ELECTRIC).since(2022),
            model("Peugeot", "208", HATCHBACK, 21_000, 74, FRENCH_TRIMS, PETROL, ELECTRIC),
            model("Peugeot", "308", ESTATE, 30_000, 96, FRENCH_TRIMS, PETROL, DIESEL, HYBRID),
            model("Peugeot", "3008", SUV, 36_000, 96, FRENCH_TRIMS, PETROL, DIESEL, HYBRID).since(2017),
            model("Dacia", "Sandero", HATCHBACK, 14_000, 67, List.of("Essential", "Expression", "Stepway"), PETROL, LPG),
            model("Dacia", "Duster", SUV, 20_000, 96, List.of("Essential", "Expression", "Journey"), PETROL, LPG, DIESEL),
            model("Fiat", "500", HATCHBACK, 17_000, 51, List.of("Pop", "Lounge", "Dolcevita"), PETROL, HYBRID, ELECTRIC),
            model("Fiat", "Panda", HATCHBACK, 15_000, 51, List.of("Pop", "City Life", "Cross"), PETROL, LPG, HYBRID),
            model("Hyundai", "Tucson", SUV, 36_000, 110, List.of("Select", "Trend", "Prime"), PETROL, HYBRID, DIESEL).since(2015),
            model("Hyundai", "i30", HATCHBACK, 25_000, 88, List.of("Select", "Trend", "N Line"), PETROL, DIESEL),
            model("Kia", "Sportage", SUV, 35_000, 110, List.of("Vision", "Spirit", "GT-Line"), PETROL, HYBRID, DIESEL),
            model("Kia", "EV6", SUV, 50_000, 170, EV_TRIMS, ELECTRIC).since(2021),
            model("Volvo", "XC60", SUV, 55_000, 145, List.of("Core", "Plus", "Ultimate"), DIESEL, HYBRID, PETROL),
            model("Volvo", "V60", ESTATE, 48_000, 145, List.of("Core", "Plus", "Ultimate"), DIESEL, HYBRID, PETROL),
            model("Tesla", "Model 3", SEDAN, 45_000, 208, EV_TRIMS, ELECTRIC).since(2019),
            model("Tesla", "Model Y", SUV, 48_000, 220, EV_TRIMS, ELECTRIC).since(2021),
            model("Porsche", "911", COUPE, 125_000, 283, List.of("Carrera", "Carrera S", "Turbo"), PETROL),
            model("Mazda", "MX-5", CONVERTIBLE, 32_000, 97, List.of("Prime-Line", "Exclusive-Line", "Homura"), PETROL));

    static final List<String> CITIES = List.of(
            "Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt", "Stuttgart", "Vienna", "Graz",
            "Amsterdam", "Rotterdam", "Brussels", "Antwerp", "Paris", "Lyon", "Madrid", "Barcelona",
            "Milan", "Rome", "Warsaw", "Krakow", "Prague", "Copenhagen", "Stockholm", "Lisbon");

    static final List<String> COLORS = List.of(
            "Black", "White", "Silver", "Grey", "Blue", "Red", "Dark Blue", "Green", "Brown", "Beige");

    static final List<String> FEATURES = List.of(
            "Air conditioning", "Climate control", "Navigation system", "Heated seats", "Parking sensors",
            "Rear-view camera", "Cruise control", "Adaptive cruise control", "Bluetooth", "Apple CarPlay",
            "Android Auto", "LED headlights", "Keyless entry", "Lane keeping assist", "Blind spot monitor",
            "Panoramic roof", "Alloy wheels", "Tow bar", "Leather seats", "Head-up display");

    static final List<String> DEALER_PREFIXES = List.of(
            "Autohaus", "Auto Center", "City Motors", "Premium Cars", "Car Gallery", "Drive");

    private DemoMarket() {
    }

    private static DemoModel model(String make, String model, BodyType body, int newPriceEur, int powerKw,
            List<String> trims, FuelType... fuels) {
        return new DemoModel(make, model, body, List.of(fuels), newPriceEur, powerKw, trims,
                DemoCarGenerator.OLDEST_MODEL_YEAR);
    }
}
