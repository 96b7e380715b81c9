package dev.carmarket.core.common;

/**
 * How many active reservations (PENDING_PAYMENT orders) one customer and one client network may hold at
 * once, so that nobody can reserve the stock away from everyone else.
 *
 * @param perCustomer by normalised email, whatever address the orders come from
 * @param perClient   by client network, whatever emails the orders give
 */
public record ReservationQuota(int perCustomer, int perClient) {

    public static final ReservationQuota DEFAULT = new ReservationQuota(2, 5);
    /** A quota this large reserves no protection: it is a typo, not a policy. */
    public static final int MAX = 1_000;

    public ReservationQuota {
        checkBounds("perCustomer", perCustomer);
        checkBounds("perClient", perClient);
    }

    private static void checkBounds(String name, int value) {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException(name + " must be between 1 and " + MAX + ", was " + value);
        }
    }
}
