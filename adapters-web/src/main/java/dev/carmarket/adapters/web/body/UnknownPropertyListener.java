package dev.carmarket.adapters.web.body;


/**
 * Told about every body property a strict route's DTO does not declare, in
 * {@link StrictMode#ENFORCE} and {@link StrictMode#REPORT} mode ({@link StrictMode#OFF} ignores them
 * silently), e.g. to count {@code strict_validation_unknown_fields_total{route,mode}}.
 * It gets the property path only, never a value. Called on the request's thread: must not block.
 */
@FunctionalInterface
public interface UnknownPropertyListener {

    UnknownPropertyListener NONE = (route, mode, path) -> { };

    /**
     * @param route the strict route, e.g. {@code POST /orders}
     * @param mode  the route's mode when the property was seen
     * @param path  the property's path, e.g. {@code customer.age} or {@code items.0.foo}
     */
    void unknownProperty(String route, StrictMode mode, String path);
}
