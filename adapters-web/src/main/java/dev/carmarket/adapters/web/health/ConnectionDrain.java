package dev.carmarket.adapters.web.health;

/**
 * Whether this instance is draining: readiness has turned DOWN and the listener will close soon. The
 * application says when ({@link #begin()}); {@link ConnectionDrainFilter} then ends every keep-alive
 * connection after its current response.
 */
public final class ConnectionDrain {

    private volatile boolean draining;

    /** Idempotent. */
    public void begin() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }
}
