package dev.carmarket.archfixtures.violations.staticfield.core;

/** Violation: static mutable state. */
public final class Counter {

    private static int count;

    public static int next() {
        return ++count;
    }
}
