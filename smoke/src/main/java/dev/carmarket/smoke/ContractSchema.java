package dev.carmarket.smoke;

/** The schemas of contract/schemas/ that the pack validates responses against (packaged into the jar). */
enum ContractSchema {
    ERROR("error-response.json"),
    CAR_SEARCH("car-search-response.json"),
    CAR_DETAILS("car-details-response.json"),
    ORDER("order-response.json"),
    PAYMENT("payment-response.json"),
    WEBHOOK_ACK("webhook-ack-response.json");

    private final String fileName;

    ContractSchema(String fileName) {
        this.fileName = fileName;
    }

    String fileName() {
        return fileName;
    }
}
