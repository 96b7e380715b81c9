package dev.carmarket.adapters.web.support;

import dev.carmarket.adapters.web.body.StrictMode;
import dev.carmarket.adapters.web.body.UnknownPropertyListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every unknown property it is told about, as {@code "<route> <MODE> <path>"}. */
public final class RecordingUnknownPropertyListener implements UnknownPropertyListener {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void unknownProperty(String route, StrictMode mode, String path) {
        seen.add(route + " " + mode + " " + path);
    }

    public List<String> seen() {
        return List.copyOf(seen);
    }

    public void clear() {
        seen.clear();
    }
}
