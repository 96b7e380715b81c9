package dev.carmarket.archfixtures.violations.errormapping2.adapters.r2dbc;

import dev.carmarket.archfixtures.violations.errormapping2.ports.domain.common.DomainError;
import org.springframework.http.HttpStatus;

/** Violation: domain errors mapped to HTTP outside adapters-web. */
public final class R2dbcErrors {

    public HttpStatus of(DomainError error) {
        return error.kind() == DomainError.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
    }
}
