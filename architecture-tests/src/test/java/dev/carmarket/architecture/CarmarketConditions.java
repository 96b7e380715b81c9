package dev.carmarket.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The conditions of {@link CarmarketRules} that ArchUnit's fluent API cannot say directly. */
final class CarmarketConditions {

    /** Names of outbound-port methods that change stored state (the ports' own vocabulary). */
    private static final List<String> WRITE_METHOD_PREFIXES =
            List.of("insert", "save", "update", "delete", "remove", "change", "mark", "claim", "load");

    private static final Set<String> HTTP_STATUS_TYPES =
            Set.of("org.springframework.http.HttpStatus", "org.springframework.http.HttpStatusCode");

    private CarmarketConditions() {
    }

    /**
     * Only annotations of the package {@code java.lang} (Deprecated, FunctionalInterface, ...) on the
     * class, its members and their parameters.
     */
    static ArchCondition<JavaClass> carryOnlyJavaLangAnnotations() {
        return new ArchCondition<>("carry only java.lang annotations") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                List<JavaAnnotation<?>> annotations = new ArrayList<>(javaClass.getAnnotations());
                javaClass.getMembers().forEach(member -> annotations.addAll(member.getAnnotations()));
                javaClass.getCodeUnits().forEach(codeUnit -> codeUnit.getParameters()
                        .forEach(parameter -> annotations.addAll(parameter.getAnnotations())));
                annotations.stream()
                        .filter(annotation -> !annotation.getRawType().getPackageName().equals("java.lang"))
                        .forEach(annotation -> events.add(SimpleConditionEvent.violated(javaClass,
                                annotation.getDescription() + " in " + javaClass.getName())));
            }
        };
    }

    /**
     * No static field whose type is a mutable container, nor one that the static initializer fills
     * with a new mutable container on the same line (so {@code static final Map<..> M = new HashMap<>()}
     * is caught although its declared type is an interface). Synthetic fields (enum values, switch
     * maps) are the compiler's, not state.
     */
    static ArchCondition<JavaClass> holdNoStaticMutableContainers() {
        DescribedPredicate<JavaClass> mutable = CarmarketPredicates.mutableContainer();
        return new ArchCondition<>("hold no static reference to a mutable container") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Set<Integer> linesCreatingMutables = javaClass.getStaticInitializer().stream()
                        .flatMap(init -> init.getConstructorCallsFromSelf().stream())
                        .filter(call -> mutable.test(call.getTargetOwner()))
                        .map(JavaConstructorCall::getLineNumber).collect(Collectors.toSet());
                Set<String> filledWithMutables = javaClass.getStaticInitializer().stream()
                        .flatMap(init -> init.getFieldAccesses().stream())
                        .filter(access -> access.getAccessType() == JavaFieldAccess.AccessType.SET
                                && linesCreatingMutables.contains(access.getLineNumber()))
                        .map(JavaFieldAccess::getName).collect(Collectors.toSet());
                javaClass.getFields().stream()
                        .filter(field -> field.getModifiers().contains(JavaModifier.STATIC)
                                && !field.getModifiers().contains(JavaModifier.SYNTHETIC))
                        .filter(field -> mutable.test(field.getRawType())
                                || filledWithMutables.contains(field.getName()))
                        .forEach(field -> events.add(SimpleConditionEvent.violated(javaClass,
                                field.getFullName() + " is static and refers to a mutable container")));
            }
        };
    }

    static ArchCondition<JavaCodeUnit> declareOnlyUncheckedExceptions() {
        return new ArchCondition<>("declare only unchecked exceptions") {
            @Override
            public void check(JavaCodeUnit codeUnit, ConditionEvents events) {
                codeUnit.getThrowsClause().getTypes().stream()
                        .filter(type -> !type.isAssignableTo(RuntimeException.class)
                                && !type.isAssignableTo(Error.class))
                        .forEach(type -> events.add(SimpleConditionEvent.violated(codeUnit,
                                codeUnit.getFullName() + " declares checked " + type.getName())));
            }
        };
    }

    /**
     * A class maps domain errors to HTTP when it knows both the kind of a domain error (what
     * adapters translate, never a single error) and Spring's HTTP status types. There may be at
     * most one such class, and it must live in the web adapter. Knowing DomainException and
     * HttpStatus alone (e.g. throwing a validation error next to a 415) is not mapping.
     *
     * @param errorKind  e.g. {@code dev.carmarket.ports.domain.common.DomainError$Kind}
     * @param webAdapter package pattern of the web adapter, e.g. {@code dev.carmarket.adapters.web..}
     */
    static ArchCondition<JavaClass> mapDomainErrorsToHttpOnlyIn(String errorKind, String webAdapter) {
        DescribedPredicate<JavaClass> inWebAdapter = resideInAPackage(webAdapter);
        return new ArchCondition<>("map domain errors to HTTP statuses in at most one class, in %s", webAdapter) {
            private Set<JavaClass> mappers = Set.of();

            @Override
            public void init(Collection<JavaClass> allClasses) {
                mappers = allClasses.stream().filter(c -> mapsDomainErrorsToHttp(c, errorKind))
                        .collect(Collectors.toSet());
            }

            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                if (!mappers.contains(javaClass)) {
                    return;
                }
                if (!inWebAdapter.test(javaClass)) {
                    events.add(SimpleConditionEvent.violated(javaClass,
                            javaClass.getName() + " maps domain errors to HTTP outside " + webAdapter));
                }
                if (mappers.size() > 1) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                            + " is one of " + mappers.size() + " classes mapping domain errors to HTTP"));
                }
            }
        };
    }

    /**
     * A class implementing a use case that receives two or more outbound ports able to write
     * (a method named insert..., change..., mark..., claim..., ...) must also receive a
     * TransactionRunner to put the writes in one boundary. Checked on constructor parameters:
     * that is where the core receives its ports.
     */
    static ArchCondition<JavaClass> takeTransactionRunnerWhenWritingThroughTwoPorts(
            String outboundPorts, DescribedPredicate<JavaClass> transactionRunner) {
        DescribedPredicate<JavaClass> outboundPort = resideInAPackage(outboundPorts);
        return new ArchCondition<>("take a TransactionRunner when taking two or more outbound ports that write") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Set<JavaClass> received = javaClass.getConstructors().stream()
                        .flatMap(constructor -> constructor.getRawParameterTypes().stream())
                        .collect(Collectors.toSet());
                List<String> writingPorts = received.stream()
                        .filter(type -> outboundPort.test(type) && writes(type))
                        .map(JavaClass::getSimpleName).sorted().collect(Collectors.toList());
                boolean takesRunner = received.stream().anyMatch(transactionRunner);
                if (writingPorts.size() >= 2 && !takesRunner) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                            + " writes through " + writingPorts + " without a TransactionRunner"));
                }
            }
        };
    }

    /** An abstract class {@code <contractPackage>.<Port>Contract} that uses the port. */
    static ArchCondition<JavaClass> haveAnAbstractContractIn(String contractPackage) {
        return new ArchCondition<>("have an abstract <Port>Contract in %s", contractPackage) {
            @Override
            public void check(JavaClass port, ConditionEvents events) {
                String contract = contractPackage + "." + port.getSimpleName() + "Contract";
                boolean found = port.getDirectDependenciesToSelf().stream()
                        .map(dependency -> dependency.getOriginClass())
                        .anyMatch(origin -> origin.getName().equals(contract)
                                && origin.getModifiers().contains(JavaModifier.ABSTRACT));
                if (!found) {
                    events.add(SimpleConditionEvent.violated(port,
                            port.getName() + " has no abstract contract test " + contract));
                }
            }
        };
    }

    static ArchCondition<JavaClass> beImplementedIn(String packagePattern) {
        DescribedPredicate<JavaClass> implemented = CarmarketPredicates.implementedIn(packagePattern);
        return new ArchCondition<>("be implemented in %s", packagePattern) {
            @Override
            public void check(JavaClass port, ConditionEvents events) {
                if (!implemented.test(port)) {
                    events.add(SimpleConditionEvent.violated(port,
                            port.getName() + " has no implementation in " + packagePattern));
                }
            }
        };
    }

    private static boolean writes(JavaClass port) {
        return port.getAllMethods().stream().map(JavaMethod::getName)
                .anyMatch(name -> WRITE_METHOD_PREFIXES.stream().anyMatch(name::startsWith));
    }

    private static boolean mapsDomainErrorsToHttp(JavaClass javaClass, String errorKind) {
        Set<String> targets = javaClass.getDirectDependenciesFromSelf().stream()
                .map(dependency -> dependency.getTargetClass().getName()).collect(Collectors.toSet());
        return targets.contains(errorKind) && targets.stream().anyMatch(HTTP_STATUS_TYPES::contains);
    }
}
