package dev.carmarket.adapters.r2dbc.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.carmarket.adapters.r2dbc.migration.MigrationSafetyRules.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationSafetyRulesTest {

    static final Path FIXTURES = Path.of("src/test/resources/migration-fixtures");

    @Test
    void flagsEveryNonAdditiveStatementWithItsLine() {
        List<Finding> findings = MigrationSafetyRules.check(MigrationScripts.inDirectory(FIXTURES.resolve("destructive")));

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
        assertThat(MigrationSafetyRules.check(MigrationScripts.inDirectory(FIXTURES.resolve("allowed")))).isEmpty();
        assertThat(MigrationSafetyRules.checkScript("V9__x.sql", "DROP TABLE legacy_leads;"))
                .extracting(Finding::rule).containsExactly("DROP");
    }

    @Test
    void flagsTruncateAndDelete() {
        assertThat(MigrationSafetyRules.checkScript("V9__x.sql", "TRUNCATE orders;\ndelete from payments where 1=1;"))
                .extracting(Finding::line, Finding::rule)
                .containsExactly(tuple(1, "TRUNCATE"),
                        tuple(2, "DELETE"));
    }

    @Test
    void theShippedMigrationsAreAdditive() {
        assertThat(MigrationSafetyRules.check(MigrationScripts.shipped())).isEmpty();
    }
}
