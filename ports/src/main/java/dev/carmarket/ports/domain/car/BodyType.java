package dev.carmarket.ports.domain.car;

public enum BodyType { SEDAN, HATCHBACK, ESTATE, SUV, COUPE, CONVERTIBLE, VAN, PICKUP }
