package dev.carmarket.adapters.inmemory.car;

import dev.carmarket.adapters.inmemory.ordering.UnsignedUuidOrder;
import dev.carmarket.ports.domain.car.CarFilters;
import dev.carmarket.ports.domain.car.CarPage;
import dev.carmarket.ports.domain.car.CarStatus;
import dev.carmarket.ports.domain.car.CarSummary;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.car.SearchSort;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The search the SQL adapter runs, over a collection: filters, ordering with the id tie-break, paging. */
final class CarSearch {

    private static final Comparator<CarSummary> BY_ID =
            Comparator.comparing(summary -> summary.id().value(), UnsignedUuidOrder.INSTANCE);

    private CarSearch() {
    }

    static CarPage page(Stream<CarSummary> cars, SearchCriteria criteria) {
        List<CarSummary> matches = cars.filter(matching(criteria.filters())).toList();
        List<CarSummary> items = matches.stream()
                .sorted(ordering(criteria.sort()))
                .skip(criteria.offset())
                .limit(criteria.limit())
                .toList();
        return new CarPage(items, criteria.page(), criteria.limit(), matches.size());
    }

    private static Predicate<CarSummary> matching(CarFilters c) {
        Stream<Predicate<CarSummary>> filters = Stream.of(
                car -> car.status() == CarStatus.AVAILABLE,
                car -> c.q() == null || containsIgnoringCase(c.q(), car.title(), car.make(), car.model()),
                car -> c.make() == null || c.make().equals(car.make()),
                car -> c.model() == null || c.model().equals(car.model()),
                car -> c.fuelType() == null || c.fuelType() == car.fuelType(),
                car -> c.transmission() == null || c.transmission() == car.transmission(),
                car -> c.bodyType() == null || c.bodyType() == car.bodyType(),
                car -> c.yearMin() == null || car.year() >= c.yearMin(),
                car -> c.yearMax() == null || car.year() <= c.yearMax(),
                car -> c.priceMin() == null || car.price().amount().compareTo(c.priceMin()) >= 0,
                car -> c.priceMax() == null || car.price().amount().compareTo(c.priceMax()) <= 0,
                car -> c.mileageMax() == null || car.mileageKm() <= c.mileageMax());
        return filters.reduce(car -> true, Predicate::and);
    }

    /** ILIKE '%q%' with the pattern's metacharacters escaped: a literal, case-insensitive substring. */
    private static boolean containsIgnoringCase(String q, String... fields) {
        String needle = q.toLowerCase(Locale.ROOT);
        return Stream.of(fields).anyMatch(field -> field.toLowerCase(Locale.ROOT).contains(needle));
    }

    private static Comparator<CarSummary> ordering(SearchSort sort) {
        Comparator<CarSummary> primary = switch (sort) {
            case NEWEST -> Comparator.comparing(CarSummary::listedAt).reversed();
            case PRICE_ASC -> Comparator.comparing(car -> car.price().amount());
            case PRICE_DESC -> Comparator.<CarSummary, BigDecimal>comparing(car -> car.price().amount()).reversed();
            case YEAR_DESC -> Comparator.comparingInt(CarSummary::year).reversed();
            case YEAR_ASC -> Comparator.comparingInt(CarSummary::year);
            case MILEAGE_ASC -> Comparator.comparingInt(CarSummary::mileageKm);
        };
        return primary.thenComparing(BY_ID);
    }
}
