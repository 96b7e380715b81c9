package dev.carmarket.archfixtures.violations.coreslf4j.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Violation: a core service that logs through SLF4J. */
public final class LoggingService {

    private final Logger log = LoggerFactory.getLogger(LoggingService.class);

    public void run() {
        log.info("running");
    }
}
