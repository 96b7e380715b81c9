package dev.carmarket.archfixtures.compliant.ports.domain.common;

/** Fixture: the one unchecked domain exception. */
public final class DomainException extends RuntimeException {

    private final DomainError error;

    public DomainException(DomainError error) {
        super(error.name());
        this.error = error;
    }

    public DomainError error() {
        return error;
    }
}
