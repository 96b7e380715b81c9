package dev.carmarket.archfixtures.violations.badnames.ports.out;

/** Violation: an I-prefixed interface. */
public interface IItemRepository {
}
