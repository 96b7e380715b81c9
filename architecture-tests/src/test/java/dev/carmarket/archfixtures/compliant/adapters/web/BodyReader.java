package dev.carmarket.archfixtures.compliant.adapters.web;

import dev.carmarket.archfixtures.compliant.ports.domain.common.DomainError;
import dev.carmarket.archfixtures.compliant.ports.domain.common.DomainException;
import org.springframework.http.HttpStatus;

/** Fixture: throws a domain validation error and uses an HTTP status, yet maps no error kind to HTTP. */
public final class BodyReader {

    public HttpStatus check(String contentType, String body) {
        if (body.isEmpty()) {
            throw new DomainException(DomainError.INVALID_INPUT);
        }
        return contentType.contains("json") ? HttpStatus.OK : HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    }
}
