package dev.carmarket.smoke;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** POST /orders bodies the pack sends: valid per contract/schemas, recognisable as smoke traffic. */
final class OrderRequestBodies {

    static final String UNKNOWN_PROPERTY = "smokeProbe";
    static final String CUSTOMER_EMAIL = "smoke-test@example.com";
    static final String CUSTOMER_PHONE = "+4915112345678";

    private OrderRequestBodies() {
    }

    static ObjectNode pickupOrder(JsonMapper mapper, String carId) {
        ObjectNode order = mapper.createObjectNode();
        order.put("carId", carId);
        ObjectNode customer = order.putObject("customer");
        customer.put("fullName", "Smoke Test");
        customer.put("email", CUSTOMER_EMAIL);
        customer.put("phone", CUSTOMER_PHONE);
        order.put("deliveryOption", "PICKUP");
        order.put("notes", "carmarket smoke pack");
        return order;
    }

    /** A valid order plus one undeclared property: a strict route must reject it with 400. */
    static ObjectNode pickupOrderWithUnknownProperty(JsonMapper mapper, String carId) {
        ObjectNode order = pickupOrder(mapper, carId);
        order.put(UNKNOWN_PROPERTY, true);
        return order;
    }
}
