package dev.carmarket.archfixtures.violations.floatingmoney.ports.domain;

/** Violation: money as a double. */
public record Price(double amount, String currency) {
}
