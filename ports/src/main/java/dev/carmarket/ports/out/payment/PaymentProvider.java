package dev.carmarket.ports.out.payment;

import reactor.core.publisher.Mono;

/** The payment service provider (PSP) that hosts the checkout and later reports the outcome by webhook. */
public interface PaymentProvider {

    Mono<ProviderCheckout> createCheckout(CheckoutRequest request);
}
