package dev.carmarket.ports.domain.car;

import java.util.Arrays;
import java.util.Optional;

/** Search orderings with their wire names; every ordering breaks ties by car id ascending. */
public enum SearchSort {
    NEWEST("newest"),
    PRICE_ASC("price_asc"),
    PRICE_DESC("price_desc"),
    YEAR_DESC("year_desc"),
    YEAR_ASC("year_asc"),
    MILEAGE_ASC("mileage_asc");

    private final String wireName;

    SearchSort(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SearchSort> fromWireName(String name) {
        return Arrays.stream(values()).filter(sort -> sort.wireName.equals(name)).findFirst();
    }
}
