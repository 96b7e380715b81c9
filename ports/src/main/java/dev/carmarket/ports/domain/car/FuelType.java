package dev.carmarket.ports.domain.car;

public enum FuelType { PETROL, DIESEL, HYBRID, ELECTRIC, LPG }
