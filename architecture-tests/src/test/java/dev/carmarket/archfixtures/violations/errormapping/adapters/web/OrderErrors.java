package dev.carmarket.archfixtures.violations.errormapping.adapters.web;

import dev.carmarket.archfixtures.violations.errormapping.ports.domain.common.DomainError;
import org.springframework.http.HttpStatus;

/** Violation: a second web class mapping domain errors to HTTP. */
public final class OrderErrors {

    public HttpStatus of(DomainError error) {
        return error.kind() == DomainError.Kind.CONFLICT ? HttpStatus.CONFLICT : HttpStatus.NOT_FOUND;
    }
}
