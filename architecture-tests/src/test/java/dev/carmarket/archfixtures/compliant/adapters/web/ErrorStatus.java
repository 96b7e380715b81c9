package dev.carmarket.archfixtures.compliant.adapters.web;

import dev.carmarket.archfixtures.compliant.ports.domain.common.DomainException;
import org.springframework.http.HttpStatus;

/** Fixture: the single mapping of domain errors to HTTP. */
public final class ErrorStatus {

    private ErrorStatus() {
    }

    public static HttpStatus of(DomainException failure) {
        switch (failure.error().kind()) {
            case NOT_FOUND:
                return HttpStatus.NOT_FOUND;
            default:
                return HttpStatus.BAD_REQUEST;
        }
    }
}
