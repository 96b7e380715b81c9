package dev.carmarket.archfixtures.violations.staticcontainer.ports.domain;

/** Violation: a static array, whose elements anyone may overwrite. */
public final class Codes {

    public static final String[] ALL = {"A", "B"};
}
