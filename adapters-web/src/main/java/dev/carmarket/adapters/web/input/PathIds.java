package dev.carmarket.adapters.web.input;

import java.util.UUID;
import java.util.function.Function;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** The {@code {id}} path variable of the single-resource routes. */
public final class PathIds {

    public static final String VARIABLE = "id";

    private PathIds() {
    }

    /** The id as the given id type, or a 400 {@code id must be a UUID}. */
    public static <I> Mono<I> of(ServerRequest request, Function<UUID, I> idType) {
        return Mono.fromSupplier(() -> {
            InputProblems problems = new InputProblems();
            UUID id = problems.uuid(VARIABLE, request.pathVariable(VARIABLE));
            problems.throwIfAny();
            return idType.apply(id);
        });
    }
}
