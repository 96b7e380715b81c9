package dev.carmarket.adapters.web.http;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** One route the service answers: method, path template, handler. */
public record Route(HttpMethod method, String pathTemplate, HandlerFunction<ServerResponse> handler) {
}
