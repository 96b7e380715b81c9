package dev.carmarket.adapters.r2dbc.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The migration scripts as they sit in the source tree (independent of Flyway's own scanning). */
final class MigrationFiles {

    static final Path DIRECTORY = Path.of("src/main/resources/db/migration");
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

    private MigrationFiles() {
    }

    static List<Integer> versions() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.map(file -> VERSIONED.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(matcher -> Integer.parseInt(matcher.group(1)))
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
