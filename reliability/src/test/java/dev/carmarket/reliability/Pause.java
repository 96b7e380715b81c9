package dev.carmarket.reliability;

import java.time.Duration;

/** Thread.sleep without the checked exception: the scenarios pace themselves and poll. */
final class Pause {

    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
