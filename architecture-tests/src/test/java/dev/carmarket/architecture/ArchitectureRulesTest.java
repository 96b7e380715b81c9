package dev.carmarket.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every architecture rule (docs/architecture.md), checked three ways with the very same rule definitions:
 * the production code follows it, a miniature hexagon that does everything right follows it
 * (so the rule is not stricter than the architecture), and each violation fixture breaks it,
 * naming the offending class (so no rule passes vacuously).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureRulesTest {

    private static final String FIXTURES = "dev.carmarket.archfixtures";
    private static final String COMPLIANT = FIXTURES + ".compliant";

    /** Fixture roots imported once for the whole class: several rules and violations share one. */
    private final Map<String, JavaClasses> fixtures = new HashMap<>();

    /**
     * A rule, the production classes it checks, and the fixtures that break it: each a fixture root
     * and the class that must be named.
     */
    record Rule(String name, Function<CarmarketRules, ArchRule> definition, Supplier<JavaClasses> production,
            List<Violation> violations) {

        ArchRule under(String root) {
            return definition.apply(new CarmarketRules(root));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Violation(String fixture, String offender) {

        String root() {
            return FIXTURES + ".violations." + fixture;
        }

        String offendingClass() {
            return root() + "." + offender;
        }
    }

    static Stream<Rule> rules() {
        return Stream.of(
                rule("ports use only the JDK, Reactor and themselves",
                        CarmarketRules::portsUseOnlyTheJdkReactorAndThemselves,
                        violation("portsjackson", "ports.domain.JsonItem"),
                        violation("portsusecore", "ports.out.PricedCatalog")),
                rule("core uses only the JDK, Reactor, ports and itself",
                        CarmarketRules::coreUsesOnlyTheJdkReactorPortsAndItself,
                        violation("corespring", "core.SpringService"),
                        violation("coreslf4j", "core.LoggingService"),
                        violation("corereactorutil", "core.ReactorLoggingService"),
                        violation("coreadapter", "core.StoreBackedService")),
                rule("ports and core carry no framework annotations",
                        CarmarketRules::hexagonCarriesNoFrameworkAnnotations,
                        violation("coreannotation", "core.AnnotatedService")),
                rule("only core and bootstrap use core", CarmarketRules::onlyCoreAndBootstrapUseCore,
                        violation("adapterusescore", "adapters.web.PricingHandler")),
                rule("only bootstrap uses bootstrap", CarmarketRules::onlyBootstrapUsesBootstrap,
                        violation("adapterusesbootstrap", "adapters.inmemory.ConfiguredStore")),
                rule("adapters do not use each other", CarmarketRules::adaptersDoNotUseEachOther,
                        violation("adapterusesadapter", "adapters.web.ItemsHandler")),
                rule("every class belongs to a module", CarmarketRules::everyClassBelongsToAModule,
                        violation("unknownmodule", "shared.Strings"),
                        violation("unknownmodule", "adapters.kafka.KafkaListener")),
                rule("the packages of every module are free of cycles", CarmarketRules::packagesAreFreeOfCycles,
                        violation("cycles", "core.car.CarThing"),
                        violation("cycles", "ports.domain.car.CarThing"),
                        violation("cycles", "ports.in.car.CarThing"),
                        violation("cycles", "ports.out.car.CarThing"),
                        violation("packagecycles", "adapters.web.http.Envelope")),
                rule("only bootstrap is a Spring Boot application",
                        CarmarketRules::onlyBootstrapIsASpringBootApplication,
                        violation("bootapplication", "adapters.web.WebApplication")),
                rule("inbound ports are ...UseCase interfaces", CarmarketRules::inboundPortsAreUseCases,
                        violation("inboundnaming", "ports.in.BuyItemPort")),
                rule("use cases are implemented by core ...Service classes",
                        CarmarketRules::useCasesAreImplementedByCoreServices,
                        violation("usecaseimpl", "core.BuyItemHandler"),
                        violation("usecaseimpl", "adapters.web.WebBuyItemService")),
                rule("no I prefixes, no Impl suffixes", CarmarketRules::namesHaveNoIPrefixOrImplSuffix,
                        violation("badnames", "ports.out.IItemRepository"),
                        violation("badnames", "core.ItemServiceImpl")),
                rule("ports and core have no non-final static fields", CarmarketRules::hexagonHasNoNonFinalStaticFields,
                        violation("staticfield", "core.Counter")),
                rule("ports and core hold no static mutable containers",
                        CarmarketRules::hexagonHasNoStaticMutableContainers,
                        violation("staticcontainer", "core.ItemCache"),
                        violation("staticcontainer", "ports.domain.Codes")),
                rule("ports carry no floating-point fields", CarmarketRules::portsCarryNoFloatingPointFields,
                        violation("floatingmoney", "ports.domain.Price")),
                rule("domain value objects are records", CarmarketRules::domainValueObjectsAreRecords,
                        violation("nonrecord", "ports.domain.MutableItem")),
                rule("exceptions of ports and core are unchecked", CarmarketRules::hexagonExceptionsAreUnchecked,
                        violation("checkedexception", "core.OutOfStock")),
                rule("ports and core declare no checked exceptions", CarmarketRules::hexagonDeclaresNoCheckedExceptions,
                        violation("checkedthrows", "ports.out.ItemFiles")),
                rule("domain errors are mapped to HTTP in one class of adapters-web",
                        CarmarketRules::errorsAreMappedToHttpInOnePlace,
                        violation("errormapping", "adapters.web.ErrorStatus"),
                        violation("errormapping", "adapters.web.OrderErrors"),
                        violation("errormapping2", "adapters.r2dbc.R2dbcErrors")),
                rule("nothing blocks on a Mono or Flux", CarmarketRules::nothingBlocksOnMonoOrFlux,
                        violation("blockingreactor", "adapters.web.BlockingHandler"),
                        violation("blockingreactor", "core.StreamingService"),
                        violation("blockingreactor", "bootstrap.cli.Seeder")),
                rule("ports and core make no blocking calls", CarmarketRules::hexagonMakesNoBlockingCalls,
                        violation("blockingio", "core.SleepyService"),
                        violation("blockingio", "core.FileReadingService")),
                rule("ports and core read time only from a port", CarmarketRules::hexagonReadsTimeOnlyFromAPort,
                        violation("systemclock", "core.ClockReadingService")),
                rule("transaction scope is chosen only through TransactionRunner",
                        CarmarketRules::transactionScopeIsChosenOnlyThroughTransactionRunner,
                        violation("transactionscope", "adapters.r2dbc.R2dbcItemRepository"),
                        violation("transactionscope", "adapters.r2dbc.R2dbcOrderRepository")),
                rule("use cases that write through two ports take a TransactionRunner",
                        CarmarketRules::useCasesThatWriteTwiceTakeATransactionRunner,
                        violation("writetwice", "core.BuyItemService")),
                new Rule("stores have an abstract contract test and an in-memory implementation",
                        CarmarketRules::storesHaveAContractAndAnInMemoryImplementation,
                        ProjectClasses::productionAndPortContracts,
                        List.of(violation("contracts", "ports.out.ItemRepository"),
                                violation("contracts", "ports.out.StockLedger"))));
    }

    static Stream<Arguments> violations() {
        return rules().flatMap(rule -> rule.violations().stream()
                .map(violation -> Arguments.of(rule, violation.offender(), violation)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productionCodeFollowsTheRule(Rule rule) {
        rule.under(CarmarketRules.PRODUCTION_ROOT).check(rule.production().get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void compliantFixtureFollowsTheRule(Rule rule) {
        ArchRule archRule = rule.under(COMPLIANT);
        JavaClasses compliant = classesIn(COMPLIANT);

        assertThatCode(() -> archRule.check(compliant)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("violations")
    void violationFixtureBreaksTheRule(Rule rule, String offender, Violation violation) {
        ArchRule archRule = rule.under(violation.root());
        JavaClasses fixture = classesIn(violation.root());

        assertThatThrownBy(() -> archRule.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(violation.offendingClass());
    }

    private JavaClasses classesIn(String root) {
        return fixtures.computeIfAbsent(root, fixtureRoot -> new ClassFileImporter().importPackages(fixtureRoot));
    }

    private static Rule rule(String name, Function<CarmarketRules, ArchRule> definition, Violation... violations) {
        return new Rule(name, definition, ProjectClasses::production, Arrays.asList(violations));
    }

    private static Violation violation(String fixture, String offender) {
        return new Violation(fixture, offender);
    }
}
