package dev.carmarket.ports.domain.car;

/** Lifecycle of a listed car; only AVAILABLE cars are searchable and orderable. */
public enum CarStatus { AVAILABLE, RESERVED, SOLD }
