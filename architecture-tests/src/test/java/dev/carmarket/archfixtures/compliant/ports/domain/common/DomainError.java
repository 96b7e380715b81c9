package dev.carmarket.archfixtures.compliant.ports.domain.common;

/** Fixture: the error catalogue of a miniature hexagon that follows every rule. */
public enum DomainError {
    INVALID_INPUT(Kind.INVALID),
    NOT_FOUND(Kind.NOT_FOUND);

    /** What adapters translate. */
    public enum Kind { INVALID, NOT_FOUND }

    private final Kind kind;

    DomainError(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
