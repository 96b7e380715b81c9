package dev.carmarket.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.implement;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The rules of docs/architecture.md, defined over a root package so that the very same
 * definitions check the production code ({@code dev.carmarket}) and the violation
 * fixtures (each a miniature hexagon under its own root).
 */
final class CarmarketRules {

    static final String PRODUCTION_ROOT = "dev.carmarket";

    /**
     * What ports and core may use besides the project: the JDK and Reactor's Mono/Flux.
     * {@code reactor.util.function} holds the tuples that Mono.zip and Flux.zip emit, so it is
     * part of the Mono/Flux API; the rest of {@code reactor.util} (loggers, context, retry,
     * schedulers' internals) stays out until a rule change says otherwise.
     */
    private static final String[] HEXAGON_LIBRARIES = {"java..", "reactor.core..", "reactor.util.function.."};

    /** Every adapter the module graph knows; a new one is added here on purpose. */
    private static final String[] ADAPTERS =
            {"web", "r2dbc", "inmemory", "system", "sandbox", "demo", "observability"};

    private static final String SPRING_BOOT_APPLICATION =
            "org.springframework.boot.autoconfigure.SpringBootApplication";

    private final String root;

    CarmarketRules(String root) {
        this.root = root;
    }

    // --- module graph -------------------------------------------------------------------------

    ArchRule portsUseOnlyTheJdkReactorAndThemselves() {
        return classes().that().resideInAPackage(pkg("ports"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(withLibraries(pkg("ports")))
                .as("ports should depend only on the JDK, Reactor's Mono/Flux and ports")
                .because("ports is the framework-free edge of the hexagon and knows no other module");
    }

    ArchRule coreUsesOnlyTheJdkReactorPortsAndItself() {
        return classes().that().resideInAPackage(pkg("core"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(withLibraries(pkg("ports"), pkg("core")))
                .as("core should depend only on the JDK, Reactor's Mono/Flux, ports and core")
                .because("the core is a plain Java library: no Spring, Jackson, Jakarta, R2DBC, Netty, "
                        + "Micrometer, Sentry, SLF4J or Lombok, and no adapter");
    }

    ArchRule hexagonCarriesNoFrameworkAnnotations() {
        return classes().that().resideInAnyPackage(hexagon())
                .should(CarmarketConditions.carryOnlyJavaLangAnnotations())
                .because("the core is wired by plain constructors, never by annotations");
    }

    ArchRule onlyCoreAndBootstrapUseCore() {
        return noClasses().that().resideInAPackage(pkg(""))
                .and().resideOutsideOfPackages(pkg("core"), pkg("bootstrap"))
                .should().dependOnClassesThat().resideInAPackage(pkg("core"))
                .as("no class outside core and bootstrap should depend on core")
                .because("adapters see ports only; only bootstrap assembles core with adapters");
    }

    ArchRule onlyBootstrapUsesBootstrap() {
        return noClasses().that().resideInAPackage(pkg(""))
                .and().resideOutsideOfPackage(pkg("bootstrap"))
                .should().dependOnClassesThat().resideInAPackage(pkg("bootstrap"))
                .as("no class outside bootstrap should depend on bootstrap")
                .because("bootstrap is the only module that knows every other one");
    }

    ArchRule adaptersDoNotUseEachOther() {
        return slices().matching(root + ".adapters.(*)..").namingSlices("adapters.$1")
                .should().notDependOnEachOther()
                .because("each adapter depends on ports only");
    }

    ArchRule everyClassBelongsToAModule() {
        Stream<String> adapters = Arrays.stream(ADAPTERS).map(adapter -> pkg("adapters." + adapter));
        String[] modules = Stream.concat(Stream.of(pkg("ports"), pkg("core"), pkg("bootstrap")), adapters)
                .toArray(String[]::new);
        return classes().that().resideInAPackage(pkg(""))
                .should().resideInAnyPackage(modules)
                .as("every class should live in ports, core, bootstrap or one of the known adapters")
                .because("the module rules only hold if no code sits outside the module graph");
    }

    /** Every package is a slice of its own: a module's root package and each of its subpackages, at any depth. */
    ArchRule packagesAreFreeOfCycles() {
        return slices().matching(root + ".(**)").namingSlices("$1")
                .should().beFreeOfCycles()
                .because("within every module, packages build on each other in one direction only, so each"
                        + " can be read, and changed, knowing only what is below it");
    }

    ArchRule onlyBootstrapIsASpringBootApplication() {
        return noClasses().that().resideInAPackage(pkg(""))
                .and().resideOutsideOfPackage(pkg("bootstrap"))
                .should().beAnnotatedWith(SPRING_BOOT_APPLICATION)
                .because("bootstrap is the only Spring Boot application");
    }

    // --- names --------------------------------------------------------------------------------

    ArchRule inboundPortsAreUseCases() {
        return classes().that().resideInAPackage(pkg("ports.in")).and().areInterfaces()
                .should().haveSimpleNameEndingWith("UseCase");
    }

    ArchRule useCasesAreImplementedByCoreServices() {
        return classes().that(implement(useCase()))
                .and().resideOutsideOfPackage(pkg("adapters.observability"))
                .should().resideInAPackage(pkg("core"))
                .andShould().haveSimpleNameEndingWith("Service")
                .as("classes implementing a use case should be ...Service classes in core")
                .because("core services implement the use cases; adapters-observability may only decorate them "
                        + "(docs/architecture.md)");
    }

    ArchRule namesHaveNoIPrefixOrImplSuffix() {
        // I + capital + lower case: catches IOrderRepository, spares acronyms such as IBAN or IOException.
        return noClasses().that().resideInAPackage(pkg(""))
                .should().haveNameMatching(".*[.$]I[A-Z][a-z][^.$]*")
                .orShould().haveSimpleNameEndingWith("Impl")
                .because("names say what a thing is: no I prefixes, no Impl");
    }

    // --- state and values ---------------------------------------------------------------------

    ArchRule hexagonHasNoNonFinalStaticFields() {
        return fields().that().areDeclaredInClassesThat().resideInAnyPackage(hexagon())
                .and().areStatic()
                .should().beFinal()
                .because("nothing static and mutable: static state is shared by every request");
    }

    ArchRule hexagonHasNoStaticMutableContainers() {
        return classes().that().resideInAnyPackage(hexagon())
                .should(CarmarketConditions.holdNoStaticMutableContainers())
                .because("a static final reference to a mutable object is static mutable state all the same");
    }

    ArchRule portsCarryNoFloatingPointFields() {
        return noFields().that().areDeclaredInClassesThat().resideInAPackage(pkg("ports"))
                .should().haveRawType(CarmarketPredicates.floatingPoint())
                .because("money is exact (BigDecimal), never double");
    }

    ArchRule domainValueObjectsAreRecords() {
        return classes().that().resideInAPackage(pkg("ports.domain"))
                .and().areNotEnums()
                .and().areNotInterfaces()
                .and().areNotAssignableTo(Throwable.class)
                .and().doNotHaveModifier(JavaModifier.SYNTHETIC)
                .and().doNotHaveFullyQualifiedName(root + ".ports.domain.common.Problems")
                .should().beRecords()
                .because("value objects are immutable records that validate in their constructors; enums, "
                        + "the domain exception, the Problems collector (and sealed result interfaces) aside");
    }

    // --- errors -------------------------------------------------------------------------------

    ArchRule hexagonExceptionsAreUnchecked() {
        return classes().that().resideInAnyPackage(hexagon()).and().areAssignableTo(Throwable.class)
                .should().beAssignableTo(RuntimeException.class)
                .because("domain errors are unchecked and travel through Mono.error");
    }

    ArchRule hexagonDeclaresNoCheckedExceptions() {
        return codeUnits().that().areDeclaredInClassesThat().resideInAnyPackage(hexagon())
                .should(CarmarketConditions.declareOnlyUncheckedExceptions())
                .because("domain errors are unchecked and travel through Mono.error");
    }

    ArchRule errorsAreMappedToHttpInOnePlace() {
        return classes().that().resideInAPackage(pkg(""))
                .should(CarmarketConditions.mapDomainErrorsToHttpOnlyIn(
                        root + ".ports.domain.common.DomainError$Kind", pkg("adapters.web")))
                .because("domain errors are mapped to HTTP in exactly one place, in adapters-web");
    }

    // --- reactive, blocking, time -------------------------------------------------------------

    /**
     * One class is exempt: bootstrap's command-line modes (preflight, demo seeding) run on the main
     * thread of a short-lived process that serves no request and must wait for the database before
     * exiting; their single, bounded wait lives in {@code bootstrap.cli.Await}.
     */
    ArchRule nothingBlocksOnMonoOrFlux() {
        return noClasses().that().resideInAPackage(pkg(""))
                .and().doNotHaveFullyQualifiedName(root + ".bootstrap.cli.Await")
                .should().callMethodWhere(CarmarketPredicates.reactorBlockingCall())
                .because("reactive all the way: production code never blocks on a Mono or Flux");
    }

    ArchRule hexagonMakesNoBlockingCalls() {
        return noClasses().that().resideInAnyPackage(hexagon())
                .should().dependOnClassesThat(CarmarketPredicates.blockingIoType())
                .orShould().callMethodWhere(CarmarketPredicates.blockingWait())
                .because("the core runs on event-loop threads: no blocking I/O and no waiting");
    }

    ArchRule hexagonReadsTimeOnlyFromAPort() {
        return noClasses().that().resideInAnyPackage(hexagon())
                .should().callMethodWhere(CarmarketPredicates.systemClockRead())
                .because("time comes from the TimeSource port, so tests control it");
    }

    // --- transactions -------------------------------------------------------------------------

    /**
     * Building a transaction operator or manager is wiring and may happen anywhere (adapters-r2dbc
     * assembles its TransactionRunner); opening, committing or wrapping a transaction, and declaring
     * one with {@code @Transactional}, is deciding scope, which only a TransactionRunner does.
     */
    ArchRule transactionScopeIsChosenOnlyThroughTransactionRunner() {
        return noClasses().that().resideInAPackage(pkg(""))
                .and(not(implement(transactionRunner())))
                .should().callMethodWhere(CarmarketPredicates.transactionDemarcation())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.transaction.annotation.Transactional")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional")
                .as("only TransactionRunner implementations should open, commit or declare transactions")
                .because("a use case asks the TransactionRunner port for a boundary; adapters never decide "
                        + "transaction scope on their own");
    }

    ArchRule useCasesThatWriteTwiceTakeATransactionRunner() {
        return classes().that(implement(useCase())).and().resideInAPackage(pkg("core"))
                .should(CarmarketConditions.takeTransactionRunnerWhenWritingThroughTwoPorts(
                        pkg("ports.out"), transactionRunner()))
                .because("a use case that writes more than once asks the TransactionRunner port for a boundary");
    }

    // --- contract tests -----------------------------------------------------------------------

    /**
     * Every outbound port that the PostgreSQL adapter implements (a store) has one abstract
     * {@code <Port>Contract} test in ports' contract package and an in-memory implementation too, so
     * the same contract can run against both. Checked over the production classes plus ports'
     * contract tests; that each adapter's own test suite extends the contract is beyond this view,
     * since adapters do not publish their test classes.
     */
    ArchRule storesHaveAContractAndAnInMemoryImplementation() {
        return classes().that().resideInAPackage(pkg("ports.out")).and().areInterfaces()
                .and(CarmarketPredicates.implementedIn(pkg("adapters.r2dbc")))
                .should(CarmarketConditions.haveAnAbstractContractIn(root + ".ports.contract"))
                .andShould(CarmarketConditions.beImplementedIn(pkg("adapters.inmemory")))
                .because("contract tests: one abstract test per outbound port, run against the in-memory "
                        + "and the PostgreSQL implementation");
    }

    // --- helpers ------------------------------------------------------------------------------

    private DescribedPredicate<JavaClass> useCase() {
        return resideInAPackage(pkg("ports.in")).and(simpleNameEndingWith("UseCase")).as("a use case");
    }

    private DescribedPredicate<JavaClass> transactionRunner() {
        return assignableTo(root + ".ports.out.system.TransactionRunner").as("TransactionRunner");
    }

    private String[] hexagon() {
        return new String[] {pkg("ports"), pkg("core")};
    }

    private static String[] withLibraries(String... projectPackages) {
        return Stream.concat(Arrays.stream(HEXAGON_LIBRARIES), Arrays.stream(projectPackages)).toArray(String[]::new);
    }

    /** {@code pkg("core")} is {@code <root>.core..}; {@code pkg("")} is the whole tree. */
    private String pkg(String module) {
        return module.isEmpty() ? root + ".." : root + "." + module + "..";
    }
}
