package dev.carmarket.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where the scenarios keep what the processes they ran wrote: {@code target/reliability-logs}. */
final class Logs {

    static final Path DIRECTORY = Path.of("target", "reliability-logs");

    private Logs() {
    }

    /**
     * Copies the files of every {@code logs} folder under {@code temporary} (nginx's prefix, a PM2 deploy root)
     * to {@code DIRECTORY/<its name>} for a post-mortem, then deletes {@code temporary}.
     */
    static void keepAndDelete(Path temporary) {
        try (Stream<Path> files = Files.walk(temporary)) {
            Path kept = Files.createDirectories(DIRECTORY.resolve(temporary.getFileName()));
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (file.getParent().endsWith("logs") && Files.isRegularFile(file)) {
                    Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
                Files.delete(file);
            }
        } catch (IOException leftover) {
            System.err.println("[reliability] could not clean " + temporary + ": " + leftover);
        }
    }
}
