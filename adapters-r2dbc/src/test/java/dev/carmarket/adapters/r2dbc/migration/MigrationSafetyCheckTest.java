package dev.carmarket.adapters.r2dbc.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.carmarket.adapters.r2dbc.migration.MigrationSafetyCheck.Finding;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationSafetyCheckTest {

    private static final Path FIXTURES = Path.of("src/test/resources/migration-fixtures");

    @Test
    void flagsEveryNonAdditiveStatementWithItsLine() {
        List<Finding> findings = MigrationSafetyCheck.checkDirectory(FIXTURES.resolve("destructive"));

        assertThat(findings).extracting(Finding::file).containsOnly("V2__reshape_orders.sql");
        assertThat(findings).extracting(Finding::line, Finding::rule).containsExactly(
                tuple(2, "DROP"),
                tuple(3, "RENAME"),
                tuple(4, "column type change"),
                tuple(5, "SET NOT NULL"),
                tuple(6, "NOT NULL column without default"));
        assertThat(findings.get(0).statement()).isEqualTo("ALTER TABLE orders DROP COLUMN notes");
    }

    @Test
    void acceptsAFileExplicitlyMarkedDestructiveAllowed() {
        assertThat(MigrationSafetyCheck.checkDirectory(FIXTURES.resolve("allowed"))).isEmpty();
        assertThat(MigrationSafetyCheck.checkScript("V9__x.sql", "DROP TABLE legacy_leads;"))
                .extracting(Finding::rule).containsExactly("DROP");
    }

    @Test
    void flagsTruncateAndDelete() {
        assertThat(MigrationSafetyCheck.checkScript("V9__x.sql", "TRUNCATE orders;\ndelete from payments where 1=1;"))
                .extracting(Finding::line, Finding::rule)
                .containsExactly(tuple(1, "TRUNCATE"),
                        tuple(2, "DELETE"));
    }

    @Test
    void readsMigrationsInsideAJarOnTheClasspath(@TempDir Path temporary) throws IOException {
        Path jar = temporary.resolve("release.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // directory entries, as Maven writes them
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry(DatabaseMigrator.LOCATION + "/"));
            for (Path script : List.of(FIXTURES.resolve("destructive/V2__reshape_orders.sql"),
                    FIXTURES.resolve("allowed/V4__drop_legacy_table.sql"))) {
                out.putNextEntry(new JarEntry(DatabaseMigrator.LOCATION + "/" + script.getFileName()));
                out.write(Files.readAllBytes(script));
                out.closeEntry();
            }
        }

        try (URLClassLoader release = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(MigrationSafetyCheck.checkClasspath(release))
                    .extracting(Finding::file).containsOnly("V2__reshape_orders.sql").hasSize(5);
        }
    }

    @Test
    void theShippedMigrationsAreAdditive() {
        assertThat(MigrationSafetyCheck.checkClasspath()).isEmpty();
        assertThat(MigrationSafetyCheck.checkDirectory(MigrationFiles.DIRECTORY)).isEmpty();
    }
}
