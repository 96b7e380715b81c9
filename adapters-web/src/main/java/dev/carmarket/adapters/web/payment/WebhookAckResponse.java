package dev.carmarket.adapters.web.payment;

/** What the provider gets back for every accepted event, duplicates included. */
public record WebhookAckResponse(boolean received) {

    static final WebhookAckResponse RECEIVED = new WebhookAckResponse(true);
}
