package dev.carmarket.archfixtures.violations.blockingio.core;

/** Violation: core waiting on its thread. */
public final class SleepyService {

    public void pause() throws InterruptedException {
        Thread.sleep(10);
    }
}
