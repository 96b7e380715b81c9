package dev.carmarket.ports.domain.order;

/** PENDING_PAYMENT is the only live state; the others are final. */
public enum OrderStatus { PENDING_PAYMENT, PAID, EXPIRED, CANCELLED }
