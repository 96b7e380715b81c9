package dev.carmarket.ports.domain.order;

public enum DeliveryOption { PICKUP, DELIVERY }
