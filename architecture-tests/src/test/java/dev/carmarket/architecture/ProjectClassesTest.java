package dev.carmarket.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules are only as good as the classes they see: every module's, and nothing else. */
class ProjectClassesTest {

    private static final String ROOT_PATH = "dev/carmarket/";

    private final JavaClasses production = ProjectClasses.production();

    /** Every module with production code. */
    @ParameterizedTest
    @ValueSource(strings = {"ports", "core", "adapters.system", "adapters.sandbox", "adapters.demo", "adapters.inmemory",
            "adapters.r2dbc", "adapters.web", "adapters.observability", "bootstrap"})
    void seesTheClassesOfEveryModule(String module) {
        String pkg = CarmarketRules.PRODUCTION_ROOT + "." + module + ".";

        assertThat(production.stream().map(JavaClass::getName)).anyMatch(name -> name.startsWith(pkg));
    }

    @Test
    void importsEveryProductionClassFileOnTheClasspath() {
        Set<String> imported = production.stream().map(JavaClass::getName).collect(Collectors.toSet());

        assertThat(productionClassFilesOnTheClasspath()).isNotEmpty().allMatch(imported::contains);
    }

    @Test
    void leavesOutTestCodeAndOtherLibraries() {
        assertThat(production.stream().map(JavaClass::getName))
                .allMatch(name -> name.startsWith(CarmarketRules.PRODUCTION_ROOT + "."))
                .noneMatch(name -> name.startsWith("dev.carmarket.architecture."))
                .noneMatch(name -> name.startsWith("dev.carmarket.archfixtures."))
                .noneMatch(name -> name.startsWith("dev.carmarket.ports.contract."));
    }

    /**
     * Listed independently of ArchUnit: every class file under dev/carmarket in the classpath's
     * folders and jars (also inside a Spring Boot executable jar), test folders and test-jars aside.
     */
    private static Set<String> productionClassFilesOnTheClasspath() {
        return ProjectClasses.classpath().stream()
                .filter(entry -> !entry.endsWith("test-classes") && !entry.toString().endsWith("-tests.jar"))
                .flatMap(ProjectClassesTest::classFileNames)
                .map(name -> name.replaceFirst("^" + ProjectClasses.BOOT_JAR_CLASSES, ""))
                .filter(name -> name.startsWith(ROOT_PATH) && name.endsWith(".class") && !name.contains("-info"))
                .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                .collect(Collectors.toSet());
    }

    private static Stream<String> classFileNames(Path entry) {
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    List<String> names = files.map(file -> entry.relativize(file).toString().replace('\\', '/'))
                            .collect(Collectors.toList());
                    return names.stream();
                }
            }
            if (!Files.isRegularFile(entry)) {
                return Stream.empty();
            }
            try (JarFile jar = new JarFile(entry.toFile())) {
                List<String> names = jar.stream().map(jarEntry -> jarEntry.getName()).collect(Collectors.toList());
                return names.stream();
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + entry, unreadable);
        }
    }
}
