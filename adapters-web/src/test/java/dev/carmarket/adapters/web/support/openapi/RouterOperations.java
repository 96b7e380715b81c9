package dev.carmarket.adapters.web.support.openapi;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * The operations router functions serve, read from their predicates rather than from any list: a route
 * is "method(s) and path". A route with a path but no method is a path's 405 fallback, not an operation.
 * HEAD served beside GET is the GET (the contract does not list HEAD separately); HEAD alone would be
 * an operation of its own. A predicate shape this reader does not understand (or, negate, nesting,
 * headers...) fails instead of being skipped, so no route can hide from the comparison.
 */
public final class RouterOperations implements RouterFunctions.Visitor, RequestPredicates.Visitor {

    private final SortedSet<ApiOperation> operations = new TreeSet<>();
    private Set<HttpMethod> methods;
    private String path;

    private RouterOperations() {
    }

    public static SortedSet<ApiOperation> of(Iterable<? extends RouterFunction<?>> routers) {
        RouterOperations reader = new RouterOperations();
        routers.forEach(router -> router.accept(reader));
        return reader.operations;
    }

    @Override
    public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
        methods = new LinkedHashSet<>();
        path = null;
        predicate.accept(this);
        if (path == null) {
            throw unreadable("a route without a path: " + predicate);
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.remove(HttpMethod.HEAD);
        }
        methods.forEach(method -> operations.add(new ApiOperation(method, path)));
    }

    @Override
    public void method(Set<HttpMethod> routeMethods) {
        methods.addAll(routeMethods);
    }

    @Override
    public void path(String pattern) {
        if (path != null) {
            throw unreadable("two paths in one route: " + path + ", " + pattern);
        }
        path = pattern;
    }

    @Override
    public void startAnd() {
    }

    @Override
    public void and() {
    }

    @Override
    public void endAnd() {
    }

    @Override
    public void startNested(RequestPredicate predicate) {
        throw unreadable("nested routes: " + predicate);
    }

    @Override
    public void endNested(RequestPredicate predicate) {
        throw unreadable("nested routes: " + predicate);
    }

    @Override
    public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {
        throw unreadable("static resources");
    }

    @Override
    public void attributes(Map<String, Object> attributes) {
    }

    @Override
    public void unknown(RouterFunction<?> routerFunction) {
        throw unreadable("a router function: " + routerFunction);
    }

    @Override
    public void pathExtension(String extension) {
        throw unreadable("a path extension predicate: " + extension);
    }

    @Override
    public void header(String name, String value) {
        throw unreadable("a header predicate: " + name);
    }

    @Override
    public void queryParam(String name, String value) {
        throw unreadable("a query parameter predicate: " + name);
    }

    @Override
    public void version(String version) {
        throw unreadable("an API version predicate: " + version);
    }

    @Override
    public void startOr() {
        throw unreadable("an 'or' predicate");
    }

    @Override
    public void or() {
        throw unreadable("an 'or' predicate");
    }

    @Override
    public void endOr() {
        throw unreadable("an 'or' predicate");
    }

    @Override
    public void startNegate() {
        throw unreadable("a negated predicate");
    }

    @Override
    public void endNegate() {
        throw unreadable("a negated predicate");
    }

    @Override
    public void unknown(RequestPredicate predicate) {
        throw unreadable("a predicate: " + predicate);
    }

    private static IllegalStateException unreadable(String what) {
        return new IllegalStateException("RouterOperations cannot read " + what
                + "; teach it this shape so the route is compared with contract/openapi.yaml");
    }
}
