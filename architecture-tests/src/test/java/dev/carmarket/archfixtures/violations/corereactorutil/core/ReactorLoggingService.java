package dev.carmarket.archfixtures.violations.corereactorutil.core;

import reactor.util.Loggers;

/** Violation: Reactor beyond Mono/Flux (its logging facade). */
public final class ReactorLoggingService {

    public void run() {
        Loggers.getLogger(ReactorLoggingService.class).info("running");
    }
}
