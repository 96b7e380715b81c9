package dev.carmarket.ports.domain.car;

import java.util.List;

/**
 * One page of search results. {@code total} counts every matching AVAILABLE car
 * (it may lag the store by a few seconds) and is never below the items returned.
 */
public record CarPage(List<CarSummary> items, int page, int limit, long total) {

    public CarPage {
        items = List.copyOf(items);
        if (page < 1 || limit < 1) {
            throw new IllegalArgumentException("page and limit must be positive");
        }
        long returnedSoFar = (long) (page - 1) * limit + items.size();
        total = Math.max(total, items.isEmpty() ? 0 : returnedSoFar);
    }

    public long totalPages() {
        return (total + limit - 1) / limit;
    }
}
