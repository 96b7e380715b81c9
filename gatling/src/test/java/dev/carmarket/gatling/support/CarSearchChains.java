package dev.carmarket.gatling.support;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Browsing: one search of a realistic kind (random sort, page 1-5), then, after a short look at the
 * results, the details of one car taken from them. The request names are stable: they key
 * thresholds.properties and baseline.json.
 */
public final class CarSearchChains {

    public static final String CAR_DETAILS = "car-details";

    /** The kinds of search, their share of searches in percent, and how each builds its query. */
    enum SearchKind {
        NO_FILTER("search-no-filter", 15, random -> Map.of()),
        MAKE_MODEL("search-make-model", 25, random -> {
            String[] makeModel = pick(random, MAKES_AND_MODELS);
            return Map.of("make", makeModel[0], "model", makeModel[1]);
        }),
        PRICE_RANGE("search-price-range", 15, random -> {
            int min = pick(random, List.of(2_000, 5_000, 10_000, 15_000, 20_000, 30_000, 50_000));
            return Map.of("priceMin", min, "priceMax", min + pick(random, List.of(5_000, 10_000, 25_000)));
        }),
        YEAR_RANGE("search-year-range", 10, random -> {
            int min = random.nextInt(2010, 2026);
            return Map.of("yearMin", min, "yearMax", Math.min(2026, min + random.nextInt(4)));
        }),
        FUEL_TRANSMISSION("search-fuel-transmission", 10, random -> Map.of(
                "fuelType", pick(random, List.of("PETROL", "DIESEL", "HYBRID", "ELECTRIC", "LPG")),
                "transmission", pick(random, List.of("MANUAL", "AUTOMATIC")))),
        TEXT("search-text", 25, random -> Map.of("q", pick(random, TEXT_QUERIES)));

        final String requestName;
        final double percent;
        final Function<ThreadLocalRandom, Map<String, Object>> filters;

        SearchKind(String requestName, double percent, Function<ThreadLocalRandom, Map<String, Object>> filters) {
            this.requestName = requestName;
            this.percent = percent;
            this.filters = filters;
        }

        /** The filters plus a random sort and page: every sort and the first five pages get exercised. */
        Map<String, Object> queryParameters() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Map<String, Object> parameters = new LinkedHashMap<>(filters.apply(random));
            parameters.put("sort", pick(random, SORTS));
            parameters.put("page", 1 + random.nextInt(5));
            return parameters;
        }
    }

    /** Pairs that exist in the demo data (DemoMarket), popular and rare ones. */
    private static final List<String[]> MAKES_AND_MODELS = List.of(
            new String[] {"Volkswagen", "Golf"}, new String[] {"Volkswagen", "Polo"},
            new String[] {"Volkswagen", "Tiguan"}, new String[] {"BMW", "3 Series"}, new String[] {"BMW", "X1"},
            new String[] {"Mercedes-Benz", "C-Class"}, new String[] {"Audi", "A4"}, new String[] {"Audi", "Q5"},
            new String[] {"Skoda", "Octavia"}, new String[] {"Toyota", "Corolla"}, new String[] {"Ford", "Focus"},
            new String[] {"Opel", "Astra"}, new String[] {"Renault", "Clio"}, new String[] {"Peugeot", "3008"},
            new String[] {"Tesla", "Model 3"}, new String[] {"Kia", "Sportage"}, new String[] {"Dacia", "Duster"},
            new String[] {"Fiat", "500"}, new String[] {"Volvo", "XC60"}, new String[] {"Porsche", "911"});
    private static final List<String> TEXT_QUERIES = List.of(
            "golf", "bmw", "tesla model", "octavia", "diesel", "hybrid", "amg line", "sportline", "xc60",
            "corolla hybrid", "mercedes", "st-line");
    private static final List<String> SORTS = List.of(
            "newest", "price_asc", "price_desc", "year_desc", "year_asc", "mileage_asc");
    private static final Duration THINK_TIME = Duration.ofMillis(500);

    private CarSearchChains() {
    }

    /** Every request name {@link #browse()} issues. */
    public static Set<String> requestNames() {
        Set<String> names = new TreeSet<>(Arrays.stream(SearchKind.values()).map(kind -> kind.requestName).toList());
        names.add(CAR_DETAILS);
        return names;
    }

    public static ChainBuilder browse() {
        Choice.WithWeight[] searches = Arrays.stream(SearchKind.values())
                .map(kind -> percent(kind.percent).then(search(kind)))
                .toArray(Choice.WithWeight[]::new);
        return exec(session -> session.remove("carId"))
                .exec(randomSwitch().on(searches))
                .doIf(session -> session.contains("carId")).then(
                        pause(THINK_TIME).exec(carDetails()));
    }

    /** {@code GET /car-details/{id}} of the session's {@code carId}. */
    public static ChainBuilder carDetails() {
        return exec(http(CAR_DETAILS).get("/car-details/#{carId}")
                .check(status().is(200), jsonPath("$.data.id").isEL("#{carId}")));
    }

    private static ChainBuilder search(SearchKind kind) {
        return exec(http(kind.requestName).get("/car-details/search")
                .queryParamMap(session -> kind.queryParameters())
                .check(status().is(200),
                        jsonPath("$.pagination.total").ofInt().gte(0),
                        // an empty page (a rare filter, a late page) simply ends the visit
                        jsonPath("$.data[*].id").findRandom().optional().saveAs("carId")));
    }

    private static <T> T pick(ThreadLocalRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
