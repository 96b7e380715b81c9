package dev.carmarket.archfixtures.violations.blockingio.core;

import java.nio.file.Files;
import java.nio.file.Path;

/** Violation: core reading a file. */
public final class FileReadingService {

    public boolean exists(String name) {
        return Files.exists(Path.of(name));
    }
}
