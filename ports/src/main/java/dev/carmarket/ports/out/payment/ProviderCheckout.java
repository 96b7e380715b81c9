package dev.carmarket.ports.out.payment;

import java.util.Objects;

/** The provider's handle on a checkout: its reference (echoed in webhooks) and where the buyer pays. */
public record ProviderCheckout(String providerReference, String checkoutUrl) {

    public ProviderCheckout {
        Objects.requireNonNull(providerReference, "providerReference");
        Objects.requireNonNull(checkoutUrl, "checkoutUrl");
    }
}
