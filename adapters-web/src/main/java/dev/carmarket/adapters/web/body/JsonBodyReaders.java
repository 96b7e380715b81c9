package dev.carmarket.adapters.web.body;

import dev.carmarket.adapters.web.http.WebJson;

/** Makes the {@link JsonBodyReader} of each strict route, with the route's mode from the policy. */
public final class JsonBodyReaders {

    private final WebJson json;
    private final JsonShapeInspector inspector = new JsonShapeInspector();
    private final StrictValidationPolicy policy;
    private final UnknownPropertyListener listener;

    public JsonBodyReaders(WebJson json, StrictValidationPolicy policy, UnknownPropertyListener listener) {
        this.json = json;
        this.policy = policy;
        this.listener = listener;
    }

    /**
     * The reader of a strict route's body.
     *
     * @throws IllegalArgumentException at wiring time, for a route without a strict body or a
     *                                  request record the inspector cannot check
     */
    public <D extends Record> JsonBodyReader<D> forRoute(String route, Class<D> requestType) {
        inspector.requireSupported(requestType);
        return new JsonBodyReader<>(json, inspector, route, policy.modeFor(route), requestType, listener);
    }
}
