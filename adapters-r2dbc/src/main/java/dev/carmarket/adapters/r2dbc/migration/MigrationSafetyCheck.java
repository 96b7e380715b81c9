package dev.carmarket.adapters.r2dbc.migration;

import dev.carmarket.adapters.r2dbc.migration.MigrationSafetyRules.Finding;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link MigrationSafetyRules}, usable by a deploy preflight:
 * {@code java -cp adapters-r2dbc.jar dev.carmarket.adapters.r2dbc.migration.MigrationSafetyCheck [dir...]}
 * (it needs nothing but the JDK) checks the given directories, or the classpath migrations
 * without arguments, prints each finding and exits 1 if there is any.
 */
public final class MigrationSafetyCheck {

    static final int ADDITIVE = 0;
    static final int NON_ADDITIVE = 1;

    private MigrationSafetyCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out));
    }

    /** @return the exit status: {@link #ADDITIVE}, or {@link #NON_ADDITIVE} when there is any finding */
    static int run(List<String> directories, PrintStream out) {
        List<Finding> findings = new ArrayList<>();
        if (directories.isEmpty()) {
            findings.addAll(MigrationSafetyRules.check(MigrationScripts.shipped()));
        }
        for (String directory : directories) {
            findings.addAll(MigrationSafetyRules.check(MigrationScripts.inDirectory(Path.of(directory))));
        }
        findings.forEach(finding -> out.println("NON-ADDITIVE MIGRATION " + finding));
        if (!findings.isEmpty()) {
            out.println("Mark a file with '" + MigrationSafetyRules.ALLOW_MARKER
                    + "' in its first lines to allow it deliberately.");
            return NON_ADDITIVE;
        }
        out.println("Migrations are additive.");
        return ADDITIVE;
    }
}
