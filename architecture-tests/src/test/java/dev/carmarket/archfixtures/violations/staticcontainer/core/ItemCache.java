package dev.carmarket.archfixtures.violations.staticcontainer.core;

import java.util.HashMap;
import java.util.Map;

/** Violation: a static final map that is mutable all the same. */
public final class ItemCache {

    private static final Map<String, String> CACHE = new HashMap<>();

    public static String get(String key) {
        return CACHE.get(key);
    }
}
