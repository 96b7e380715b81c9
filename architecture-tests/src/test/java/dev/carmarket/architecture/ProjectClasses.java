package dev.carmarket.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The production classes of every carmarket module, as the test classpath carries them: the
 * modules' {@code target/classes} or jars (in the reactor), or their installed jars. Test classes,
 * test-jars and every other library are left out.
 */
final class ProjectClasses {

    /** Where Spring Boot's repackaged (executable) jar keeps the application's own classes. */
    static final String BOOT_JAR_CLASSES = "BOOT-INF/classes/";

    private static final String ROOT_PATH = CarmarketRules.PRODUCTION_ROOT.replace('.', '/') + "/";

    /** Installed under the project's group id, or built into a module's target folder in the reactor. */
    private static final Pattern PROJECT_JAR =
            Pattern.compile(".*(/" + ROOT_PATH + "[^/]+/[^/]+/|/target/)[^/]+\\.jar");

    /** The abstract port contract tests, from ports' test-jar (or its test-classes in a reactor test run). */
    private static final Pattern PORT_CONTRACT =
            Pattern.compile(".*(-tests\\.jar!|/test-classes)/" + ROOT_PATH + "ports/contract/.*");

    private ProjectClasses() {
    }

    static JavaClasses production() {
        return Production.CLASSES;
    }

    /** The production classes plus ports' abstract contract tests, for the rule about contract tests. */
    static JavaClasses productionAndPortContracts() {
        return ProductionAndPortContracts.CLASSES;
    }

    /** Imported on first use only: holder classes keep one import from paying for the other. */
    private static final class Production {
        static final JavaClasses CLASSES = new ClassFileImporter()
                .withImportOption(ProjectClasses::isProduction)
                .importLocations(productionLocations());
    }

    private static final class ProductionAndPortContracts {
        static final JavaClasses CLASSES = new ClassFileImporter()
                .withImportOption(location -> isProduction(location) || isPortContract(location))
                .importLocations(productionAndContractLocations());
    }

    /** The classpath's jars and folders; Surefire passes the test classpath in {@code java.class.path}. */
    static List<Path> classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .collect(Collectors.toList());
    }

    private static boolean isProduction(Location location) {
        return ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location) && isProjectArtifact(location);
    }

    private static boolean isPortContract(Location location) {
        return PORT_CONTRACT.matcher(location.asURI().toString()).matches();
    }

    private static boolean isProjectArtifact(Location location) {
        if (!location.isJar()) {
            return true;
        }
        String jarPath = location.asURI().toString().split("!/", 2)[0];
        return PROJECT_JAR.matcher(jarPath).matches() && !jarPath.endsWith("-tests.jar");
    }

    private static Set<Location> productionLocations() {
        Set<Location> locations = new HashSet<>(Locations.ofPackage(CarmarketRules.PRODUCTION_ROOT));
        // bootstrap's artifact may be the executable jar, whose classes the class loader cannot see.
        classpath().stream().filter(ProjectClasses::isBootJar)
                .map(jar -> Location.of(URI.create("jar:" + jar.toUri() + "!/" + BOOT_JAR_CLASSES + ROOT_PATH)))
                .forEach(locations::add);
        return locations;
    }

    private static Set<Location> productionAndContractLocations() {
        Set<Location> locations = productionLocations();
        locations.addAll(Locations.ofPackage(CarmarketRules.PRODUCTION_ROOT + ".ports.contract"));
        return locations;
    }

    private static boolean isBootJar(Path entry) {
        if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            return jar.stream().anyMatch(jarEntry -> jarEntry.getName().startsWith(BOOT_JAR_CLASSES + ROOT_PATH));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + entry, unreadable);
        }
    }
}
