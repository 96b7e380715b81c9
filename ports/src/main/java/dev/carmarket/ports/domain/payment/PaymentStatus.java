package dev.carmarket.ports.domain.payment;

/** PENDING until the provider reports; CAPTURED and FAILED are final. */
public enum PaymentStatus { PENDING, CAPTURED, FAILED }
