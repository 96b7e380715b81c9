package dev.carmarket.archfixtures.violations.nonrecord.ports.domain;

/** Violation: a value object that is a mutable class, not a record. */
public final class MutableItem {

    private String name;

    public void rename(String newName) {
        name = newName;
    }
}
