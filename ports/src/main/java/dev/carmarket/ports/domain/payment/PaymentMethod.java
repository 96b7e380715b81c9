package dev.carmarket.ports.domain.payment;

public enum PaymentMethod { CARD, BANK_TRANSFER }
