package dev.carmarket.adapters.r2dbc.car;

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
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Column lists of the {@code cars} table and the mapping of its rows to port records. */
final class CarRows {

    /**
     * A column as the bulk loader sends it: one array per column ({@code arrayType}) holding
     * {@code javaType} elements. Features and images travel as PostgreSQL array literals in a text
     * array, because UNNEST would flatten an array of arrays.
     */
    record Column(String name, String arrayType, Class<?> javaType, Function<CarDetails, Object> value,
            String selectExpression) {

        static Column of(String name, String arrayType, Class<?> javaType, Function<CarDetails, Object> value) {
            return new Column(name, arrayType, javaType, value, name);
        }

        static Column ofTextList(String name, Function<CarDetails, List<String>> value) {
            return new Column(name, "text[]", String.class, car -> arrayLiteral(value.apply(car)), name + "::text[]");
        }
    }

    /** Every column, in table order. */
    static final List<Column> COLUMNS = List.of(
            Column.of("id", "uuid[]", UUID.class, car -> car.id().value()),
            Column.of("title", "text[]", String.class, car -> car.summary().title()),
            Column.of("make", "text[]", String.class, car -> car.summary().make()),
            Column.of("model", "text[]", String.class, car -> car.summary().model()),
            Column.of("year", "int[]", Integer.class, car -> car.summary().year()),
            Column.of("price", "numeric[]", BigDecimal.class, car -> car.summary().price().amount()),
            Column.of("currency", "text[]", String.class, car -> car.summary().price().currency()),
            Column.of("mileage_km", "int[]", Integer.class, car -> car.summary().mileageKm()),
            Column.of("fuel_type", "text[]", String.class, car -> car.summary().fuelType().name()),
            Column.of("transmission", "text[]", String.class, car -> car.summary().transmission().name()),
            Column.of("body_type", "text[]", String.class, car -> car.summary().bodyType().name()),
            Column.of("location", "text[]", String.class, car -> car.summary().location()),
            Column.of("thumbnail_url", "text[]", String.class, car -> car.summary().thumbnailUrl()),
            Column.of("status", "text[]", String.class, car -> car.summary().status().name()),
            Column.of("listed_at", "timestamptz[]", Instant.class, car -> car.summary().listedAt()),
            Column.of("description", "text[]", String.class, CarDetails::description),
            Column.of("color", "text[]", String.class, CarDetails::color),
            Column.of("doors", "int[]", Integer.class, CarDetails::doors),
            Column.of("seats", "int[]", Integer.class, CarDetails::seats),
            Column.of("engine_power_kw", "int[]", Integer.class, car -> car.engine().powerKw()),
            Column.of("engine_displacement_cc", "int[]", Integer.class, car -> car.engine().displacementCc()),
            Column.ofTextList("features", CarDetails::features),
            Column.ofTextList("images", CarDetails::images),
            Column.of("seller_name", "text[]", String.class, car -> car.seller().name()),
            Column.of("seller_city", "text[]", String.class, car -> car.seller().city()));

    /** What a search result needs, in table order; callers prefix them with their table alias. */
    static final List<String> SUMMARY_COLUMNS = List.of("id", "title", "make", "model", "year", "price", "currency",
            "mileage_km", "fuel_type", "transmission", "body_type", "location", "thumbnail_url", "status",
            "listed_at");

    static final List<String> ALL_COLUMNS = COLUMNS.stream().map(Column::name).toList();

    private CarRows() {
    }

    static String columns(List<String> columns, String alias) {
        return String.join(", ", columns.stream().map(column -> alias + "." + column).toList());
    }

    /** The columns {@link #price} reads. */
    static final String PRICE_COLUMNS = "price, currency";

    static Money price(Readable row) {
        return new Money(row.get("price", BigDecimal.class), row.get("currency", String.class));
    }

    static CarSummary summary(Readable row) {
        return new CarSummary(
                new CarId(row.get("id", UUID.class)),
                row.get("title", String.class),
                row.get("make", String.class),
                row.get("model", String.class),
                row.get("year", Integer.class),
                price(row),
                row.get("mileage_km", Integer.class),
                FuelType.valueOf(row.get("fuel_type", String.class)),
                Transmission.valueOf(row.get("transmission", String.class)),
                BodyType.valueOf(row.get("body_type", String.class)),
                row.get("location", String.class),
                row.get("thumbnail_url", String.class),
                CarStatus.valueOf(row.get("status", String.class)),
                row.get("listed_at", Instant.class));
    }

    static CarDetails details(Readable row) {
        return new CarDetails(
                summary(row),
                row.get("description", String.class),
                row.get("color", String.class),
                row.get("doors", Integer.class),
                row.get("seats", Integer.class),
                new Engine(row.get("engine_power_kw", Integer.class), row.get("engine_displacement_cc", Integer.class)),
                List.of(row.get("features", String[].class)),
                List.of(row.get("images", String[].class)),
                new Seller(row.get("seller_name", String.class), row.get("seller_city", String.class)));
    }

    /** {@code {"a","b \\"c\\""}}: every element quoted, backslash and double quote escaped. */
    static String arrayLiteral(List<String> elements) {
        return elements.stream()
                .map(element -> "\"" + element.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
