package dev.carmarket.archfixtures.violations.errormapping.adapters.web;

import dev.carmarket.archfixtures.violations.errormapping.ports.domain.common.DomainError;
import org.springframework.http.HttpStatus;

/** Violation: one of two web classes mapping domain errors to HTTP. */
public final class ErrorStatus {

    public HttpStatus of(DomainError error) {
        return error.kind() == DomainError.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
    }
}
