package dev.carmarket.adapters.r2dbc.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Flags migration statements that are not additive, i.e. that could break the release still
 * running during a rolling deploy or lose data: DROP, RENAME, TRUNCATE, DELETE, a column type
 * change, SET NOT NULL on an existing column, a new NOT NULL column without a default.
 * A file whose first lines carry {@value #ALLOW_MARKER} is exempt (the author accepted the risk).
 * Comments, string literals and dollar-quoted bodies are ignored.
 *
 * <p>Usable by a deploy preflight: {@code java -cp adapters-r2dbc.jar ...MigrationSafetyCheck [dir...]}
 * (it needs nothing but the JDK) checks the given directories, or the classpath migrations
 * without arguments, prints each finding and exits 1 if there is any.
 */
public final class MigrationSafetyCheck {

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
            new Rule("NOT NULL column without default", MigrationSafetyCheck::addsNotNullColumnWithoutDefault));

    private static final int MARKER_SEARCH_LINES = 5;

    private MigrationSafetyCheck() {
    }

    public static void main(String[] args) {
        List<Finding> findings = new ArrayList<>();
        if (args.length == 0) {
            findings.addAll(checkClasspath());
        }
        for (String directory : args) {
            findings.addAll(checkDirectory(Path.of(directory)));
        }
        findings.forEach(finding -> System.out.println("NON-ADDITIVE MIGRATION " + finding));
        if (!findings.isEmpty()) {
            System.out.println("Mark a file with '" + ALLOW_MARKER + "' in its first lines to allow it deliberately.");
            System.exit(1);
        }
        System.out.println("Migrations are additive.");
    }

    /** Checks the {@code .sql} files of a directory (not recursive), in name order. */
    public static List<Finding> checkDirectory(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            SortedMap<String, String> scripts = new TreeMap<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".sql")).toList()) {
                scripts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
            return checkScripts(scripts);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read migrations in " + directory, unreadable);
        }
    }

    /**
     * Checks the migrations this module ships ({@value DatabaseMigrator#LOCATION} on the classpath):
     * from a directory, a jar, or a jar nested in a Spring Boot executable jar (whose URL handler
     * serves it as a {@link JarURLConnection}).
     */
    public static List<Finding> checkClasspath() {
        return checkClasspath(MigrationSafetyCheck.class.getClassLoader());
    }

    /** Checks the migrations that {@code classLoader} sees under {@value DatabaseMigrator#LOCATION}. */
    public static List<Finding> checkClasspath(ClassLoader classLoader) {
        URL location = classLoader.getResource(DatabaseMigrator.LOCATION);
        if (location == null) {
            throw new IllegalStateException("no " + DatabaseMigrator.LOCATION + " on the classpath");
        }
        try {
            URLConnection connection = location.openConnection();
            if (connection instanceof JarURLConnection jar) {
                jar.setUseCaches(false); // a JarFile of our own, so that closing it cannot hurt the class loader
                try (JarFile file = jar.getJarFile()) {
                    return checkScripts(scriptsIn(file, jar.getEntryName() + "/"));
                }
            }
            return checkDirectory(Path.of(location.toURI()));
        } catch (URISyntaxException | IOException unreadable) {
            throw new IllegalStateException("cannot read " + location, unreadable);
        }
    }

    private static SortedMap<String, String> scriptsIn(JarFile jar, String directory) throws IOException {
        SortedMap<String, String> scripts = new TreeMap<>();
        for (JarEntry entry : Collections.list(jar.entries())) {
            String name = entry.getName();
            if (name.startsWith(directory) && name.endsWith(".sql") && name.indexOf('/', directory.length()) < 0) {
                try (InputStream content = jar.getInputStream(entry)) {
                    scripts.put(name.substring(directory.length()), new String(content.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return scripts;
    }

    private static List<Finding> checkScripts(SortedMap<String, String> scripts) {
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
