package dev.carmarket.adapters.r2dbc.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Flags migration statements that are not additive, i.e. that could break the release still
 * running during a rolling deploy or lose data: DROP, RENAME, TRUNCATE, DELETE, a column type
 * change, SET NOT NULL on an existing column, a new NOT NULL column without a default.
 * A file whose first lines carry {@value #ALLOW_MARKER} is exempt (the author accepted the risk).
 * Comments, string literals and dollar-quoted bodies are ignored.
 */
public final class MigrationSafetyRules {

    public static final String ALLOW_MARKER = "-- carmarket:destructive-allowed";

    /** One non-additive statement: file name, 1-based line where it starts, the rule, the statement. */
    public record Finding(String file, int line, String rule, String statement) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + rule + ": " + statement;
        }
    }

    private record Rule(String name, Predicate<String> matches) {
    }

    private static final Pattern ALTER_TABLE = pattern("\\bALTER\\s+TABLE\\b");
    private static final Pattern ADD_COLUMN = pattern("^\\s*(?:ALTER\\s+TABLE\\s+.*?)?\\bADD\\s+(?!(?:CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN|EXCLUDE)\\b)");
    private static final Pattern NOT_NULL = pattern("\\bNOT\\s+NULL\\b");
    private static final Pattern DEFAULT = pattern("\\bDEFAULT\\b");

    private static final List<Rule> RULES = List.of(
            rule("DROP", "\\bDROP\\b"),
            rule("RENAME", "\\bRENAME\\b"),
            rule("TRUNCATE", "\\bTRUNCATE\\b"),
            rule("DELETE", "\\bDELETE\\s+FROM\\b"),
            rule("column type change", "\\bALTER\\s+(?:COLUMN\\s+)?\\S+\\s+(?:SET\\s+DATA\\s+)?TYPE\\b"),
            rule("SET NOT NULL", "\\bSET\\s+NOT\\s+NULL\\b"),
            new Rule("NOT NULL column without default", MigrationSafetyRules::addsNotNullColumnWithoutDefault));

    private static final int MARKER_SEARCH_LINES = 5;

    private MigrationSafetyRules() {
    }

    /** Checks scripts given as file name to text (see {@link MigrationScripts}), in their order. */
    public static List<Finding> check(SortedMap<String, String> scripts) {
        List<Finding> findings = new ArrayList<>();
        scripts.forEach((name, sql) -> findings.addAll(checkScript(name, sql)));
        return findings;
    }

    /** Checks one script's text; {@code name} only labels the findings. */
    public static List<Finding> checkScript(String name, String sql) {
        if (allowsDestructive(sql)) {
            return List.of();
        }
        String code = SqlText.blankCommentsAndLiterals(sql);
        List<Finding> findings = new ArrayList<>();
        int start = 0;
        for (int end = code.indexOf(';'); start < code.length(); end = code.indexOf(';', start)) {
            int statementEnd = end < 0 ? code.length() : end;
            String statement = code.substring(start, statementEnd);
            int line = lineOf(sql, start + leadingWhitespace(statement));
            for (Rule rule : RULES) {
                if (rule.matches().test(statement)) {
                    findings.add(new Finding(name, line, rule.name(), oneLine(statement)));
                }
            }
            start = statementEnd + 1;
        }
        return findings;
    }

    private static boolean allowsDestructive(String sql) {
        return sql.lines().limit(MARKER_SEARCH_LINES).anyMatch(line -> line.strip().startsWith(ALLOW_MARKER));
    }

    /** Existing rows have no value for it, and the running release does not insert one. */
    private static boolean addsNotNullColumnWithoutDefault(String statement) {
        return ALTER_TABLE.matcher(statement).find() && SqlText.topLevelClauses(statement).stream()
                .anyMatch(clause -> ADD_COLUMN.matcher(clause).find() && NOT_NULL.matcher(clause).find()
                        && !DEFAULT.matcher(clause).find());
    }

    private static Rule rule(String name, String regex) {
        Pattern pattern = pattern(regex);
        return new Rule(name, statement -> pattern.matcher(statement).find());
    }

    private static Pattern pattern(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    private static int leadingWhitespace(String statement) {
        int index = 0;
        while (index < statement.length() && Character.isWhitespace(statement.charAt(index))) {
            index++;
        }
        return index;
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, Math.min(offset, text.length())).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String oneLine(String statement) {
        String compact = statement.strip().replaceAll("\\s+", " ");
        return compact.length() <= 120 ? compact : compact.substring(0, 117) + "...";
    }
}
