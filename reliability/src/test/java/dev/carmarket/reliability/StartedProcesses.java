package dev.carmarket.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a scenario started (database, instances, nginx), closed last-started first; a failed close is logged, not thrown. */
final class StartedProcesses implements AutoCloseable {

    private final List<AutoCloseable> started = new ArrayList<>();

    <T extends AutoCloseable> T add(T process) {
        started.add(process);
        return process;
    }

    @Override
    public void close() {
        List<AutoCloseable> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        for (AutoCloseable closeable : reverse) {
            try {
                closeable.close();
            } catch (Exception failed) {
                System.err.println("[reliability] cleanup failed: " + failed);
            }
        }
    }
}
