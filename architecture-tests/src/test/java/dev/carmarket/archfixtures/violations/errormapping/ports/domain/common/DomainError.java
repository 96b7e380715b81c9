package dev.carmarket.archfixtures.violations.errormapping.ports.domain.common;

/** Fixture: the error catalogue. */
public enum DomainError {
    NOT_FOUND, CONFLICT;

    /** What adapters translate. */
    public enum Kind { NOT_FOUND, CONFLICT }

    public Kind kind() {
        return Kind.valueOf(name());
    }
}
