package dev.carmarket.archfixtures.violations.unknownmodule.shared;

/** Violation: code outside every module. */
public final class Strings {
}
