package dev.carmarket.bootstrap;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

/**
 * PM2 stops the service with SIGINT, systemd and most supervisors with SIGTERM: for the service
 * both are a normal stop. The JVM's default would end with status 130/143 after the shutdown hooks;
 * here the context is closed (graceful shutdown: in-flight requests drain, the pool is closed) and
 * the process then exits 0, as the production contract asks.
 */
final class StopSignals {

    private static final List<String> STOP_SIGNALS = List.of("TERM", "INT");

    private StopSignals() {
    }

    static void exitNormallyOn(ConfigurableApplicationContext context) {
        for (String name : STOP_SIGNALS) {
            // The JDK runs each handler on a fresh thread, so the blocking close is fine here.
            Signal.handle(new Signal(name), signal -> System.exit(SpringApplication.exit(context)));
        }
    }
}
