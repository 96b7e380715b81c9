package dev.carmarket.adapters.web.http;

import java.util.List;

/** The contract's list success body: {@code {"success": true, "data": [...], "pagination": {...}}}. */
public record ListEnvelope<T>(boolean success, List<T> data, Pagination pagination) {

    public static <T> ListEnvelope<T> of(List<T> data, Pagination pagination) {
        return new ListEnvelope<>(true, List.copyOf(data), pagination);
    }

    public record Pagination(int page, int limit, long total, long totalPages) {
    }
}
