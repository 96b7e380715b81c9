package dev.carmarket.adapters.web.support.openapi;

import java.util.Comparator;
import org.springframework.http.HttpMethod;

/** One operation of the HTTP API: a method and a path template such as {@code /orders/{id}}. */
public record ApiOperation(HttpMethod method, String pathTemplate) implements Comparable<ApiOperation> {

    private static final Comparator<ApiOperation> ORDER = Comparator.comparing(ApiOperation::pathTemplate)
            .thenComparing(operation -> operation.method().name());

    @Override
    public int compareTo(ApiOperation other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return method.name() + " " + pathTemplate;
    }
}
