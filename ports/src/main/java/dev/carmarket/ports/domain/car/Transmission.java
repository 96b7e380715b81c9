package dev.carmarket.ports.domain.car;

public enum Transmission { MANUAL, AUTOMATIC }
