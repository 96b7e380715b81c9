package dev.carmarket.adapters.r2dbc.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationSafetyCheckTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void printsEveryFindingAndTheWayToAllowOneAndExitsOne() {
        int status = run(MigrationSafetyRulesTest.FIXTURES.resolve("allowed").toString(),
                MigrationSafetyRulesTest.FIXTURES.resolve("destructive").toString());

        assertThat(status).isEqualTo(MigrationSafetyCheck.NON_ADDITIVE).isEqualTo(1);
        assertThat(output().lines()).hasSize(6)
                .startsWith("NON-ADDITIVE MIGRATION V2__reshape_orders.sql:2: DROP: ALTER TABLE orders DROP COLUMN notes")
                .endsWith("Mark a file with '-- carmarket:destructive-allowed' in its first lines to allow it"
                        + " deliberately.");
        assertThat(output().lines().limit(5)).allMatch(line -> line.startsWith("NON-ADDITIVE MIGRATION V2__"));
    }

    @Test
    void withoutArgumentsChecksTheShippedMigrationsAndExitsZero() {
        assertThat(run()).isEqualTo(MigrationSafetyCheck.ADDITIVE).isZero();
        assertThat(output()).isEqualTo("Migrations are additive." + System.lineSeparator());
    }

    private int run(String... directories) {
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            return MigrationSafetyCheck.run(List.of(directories), out);
        }
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
