package dev.carmarket.bootstrap.settings;

import dev.carmarket.core.common.ReservationQuota;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ORDER_QUOTA} as operators write it: {@code customer=2,client=5}, either part alone (the other keeps
 * its default), or {@code off}.
 */
final class ReservationQuotaText {

    static final String OFF = "off";

    private ReservationQuotaText() {
    }

    /**
     * @return empty for {@code off}
     * @throws IllegalArgumentException naming the expected form
     */
    static Optional<ReservationQuota> parse(String text) {
        if (text.equalsIgnoreCase(OFF)) {
            return Optional.empty();
        }
        int perCustomer = ReservationQuota.DEFAULT.perCustomer();
        int perClient = ReservationQuota.DEFAULT.perClient();
        boolean customerGiven = false;
        boolean clientGiven = false;
        for (String entry : text.split(",", -1)) {
            String[] nameAndValue = entry.strip().split("=", -1);
            if (nameAndValue.length != 2) {
                throw invalid(text);
            }
            int value = count(nameAndValue[1].strip(), text);
            switch (nameAndValue[0].strip().toLowerCase(Locale.ROOT)) {
                case "customer" -> {
                    customerGiven = once(customerGiven, "customer");
                    perCustomer = value;
                }
                case "client" -> {
                    clientGiven = once(clientGiven, "client");
                    perClient = value;
                }
                default -> throw invalid(text);
            }
        }
        return Optional.of(new ReservationQuota(perCustomer, perClient));
    }

    private static boolean once(boolean alreadyGiven, String name) {
        if (alreadyGiven) {
            throw new IllegalArgumentException("gives " + name + " twice");
        }
        return true;
    }

    private static int count(String value, String text) {
        if (!value.matches("\\d{1,4}")) {
            throw invalid(text);
        }
        int count = Integer.parseInt(value);
        if (count < 1 || count > ReservationQuota.MAX) {
            throw new IllegalArgumentException("quotas must be between 1 and " + ReservationQuota.MAX
                    + " (got \"" + text + "\"); use off to switch the quota off");
        }
        return count;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("must be customer=<n>,client=<n> (either may be left out) or off"
                + " (got \"" + text + "\")");
    }
}
