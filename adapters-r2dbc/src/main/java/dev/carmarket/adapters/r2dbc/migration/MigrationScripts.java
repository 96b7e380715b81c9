package dev.carmarket.adapters.r2dbc.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads migration scripts as file name to text, in name order: the {@code .sql} files of a directory,
 * or those under {@value DatabaseMigrator#LOCATION} on a classpath, be it a directory, a jar, or a jar
 * nested in a Spring Boot executable jar (whose URL handler serves it as a {@link JarURLConnection}).
 * Only the JDK, so that {@link MigrationSafetyCheck} runs without the module's libraries.
 */
public final class MigrationScripts {

    private static final String SCRIPT_SUFFIX = ".sql";

    private MigrationScripts() {
    }

    /** The scripts of a directory (not recursive). */
    public static SortedMap<String, String> inDirectory(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            SortedMap<String, String> scripts = new TreeMap<>();
            for (Path file : files.filter(path -> path.toString().endsWith(SCRIPT_SUFFIX)).toList()) {
                scripts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
            return scripts;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read migrations in " + directory, unreadable);
        }
    }

    /** The migrations this module ships. */
    public static SortedMap<String, String> shipped() {
        return onClasspath(MigrationScripts.class.getClassLoader());
    }

    /** The migrations that {@code classLoader} sees under {@value DatabaseMigrator#LOCATION}. */
    public static SortedMap<String, String> onClasspath(ClassLoader classLoader) {
        URL location = classLoader.getResource(DatabaseMigrator.LOCATION);
        if (location == null) {
            throw new IllegalStateException("no " + DatabaseMigrator.LOCATION + " on the classpath");
        }
        try {
            URLConnection connection = location.openConnection();
            if (connection instanceof JarURLConnection jar) {
                jar.setUseCaches(false); // a JarFile of our own, so that closing it cannot hurt the class loader
                try (JarFile file = jar.getJarFile()) {
                    return inJar(file, jar.getEntryName() + "/");
                }
            }
            return inDirectory(Path.of(location.toURI()));
        } catch (URISyntaxException | IOException unreadable) {
            throw new IllegalStateException("cannot read " + location, unreadable);
        }
    }

    private static SortedMap<String, String> inJar(JarFile jar, String directory) throws IOException {
        SortedMap<String, String> scripts = new TreeMap<>();
        for (JarEntry entry : Collections.list(jar.entries())) {
            String name = entry.getName();
            if (name.startsWith(directory) && name.endsWith(SCRIPT_SUFFIX)
                    && name.indexOf('/', directory.length()) < 0) {
                try (InputStream content = jar.getInputStream(entry)) {
                    scripts.put(name.substring(directory.length()),
                            new String(content.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return scripts;
    }
}
