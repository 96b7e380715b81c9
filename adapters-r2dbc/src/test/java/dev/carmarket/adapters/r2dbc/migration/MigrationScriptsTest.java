package dev.carmarket.adapters.r2dbc.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.carmarket.adapters.r2dbc.migration.MigrationSafetyRules.Finding;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationScriptsTest {

    private static final Path DESTRUCTIVE = MigrationSafetyRulesTest.FIXTURES.resolve("destructive/V2__reshape_orders.sql");
    private static final Path ALLOWED = MigrationSafetyRulesTest.FIXTURES.resolve("allowed/V4__drop_legacy_table.sql");

    @Test
    void readsTheSqlFilesOfADirectoryInNameOrder(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("V2__second.sql"), "SELECT 2;");
        Files.writeString(directory.resolve("V1__first.sql"), "SELECT 1;");
        Files.writeString(directory.resolve("README.md"), "not a migration");

        assertThat(MigrationScripts.inDirectory(directory)).containsExactly(
                entry("V1__first.sql", "SELECT 1;"), entry("V2__second.sql", "SELECT 2;"));
    }

    @Test
    void readsMigrationsInsideAJarOnTheClasspath(@TempDir Path temporary) throws IOException {
        Path jar = temporary.resolve("release.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // directory entries, as Maven writes them
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry(DatabaseMigrator.LOCATION + "/"));
            for (Path script : List.of(DESTRUCTIVE, ALLOWED)) {
                out.putNextEntry(new JarEntry(DatabaseMigrator.LOCATION + "/" + script.getFileName()));
                out.write(Files.readAllBytes(script));
                out.closeEntry();
            }
            // Flyway's location is one folder: a script below it is not one of its migrations
            out.putNextEntry(new JarEntry(DatabaseMigrator.LOCATION + "/old/V1__dropped.sql"));
            out.write("DROP TABLE cars;".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        try (URLClassLoader release = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            SortedMap<String, String> scripts = MigrationScripts.onClasspath(release);

            assertThat(scripts).containsExactly(entry("V2__reshape_orders.sql", Files.readString(DESTRUCTIVE)),
                    entry("V4__drop_legacy_table.sql", Files.readString(ALLOWED)));
            assertThat(MigrationSafetyRules.check(scripts))
                    .extracting(Finding::file).containsOnly("V2__reshape_orders.sql").hasSize(5);
        }
    }

    @Test
    void theShippedMigrationsAreTheSourceTreeScripts() {
        assertThat(MigrationScripts.shipped()).isNotEmpty()
                .isEqualTo(MigrationScripts.inDirectory(MigrationFiles.DIRECTORY));
    }
}
