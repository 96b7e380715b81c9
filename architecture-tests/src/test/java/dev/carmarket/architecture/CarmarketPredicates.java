package dev.carmarket.architecture;

import static java.util.Map.entry;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Lock;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The types and calls that the rules of {@link CarmarketRules} ban. */
final class CarmarketPredicates {

    private CarmarketPredicates() {
    }

    static DescribedPredicate<JavaCall<?>> reactorBlockingCall() {
        return callTo("Mono.block*/Flux.block*, toIterable or toStream", Map.of(
                Mono.class.getName(), Set.of("block", "blockOptional"),
                Flux.class.getName(), Set.of("blockFirst", "blockLast", "toIterable", "toStream")));
    }

    static DescribedPredicate<JavaCall<?>> blockingWait() {
        return callTo("a blocking wait (sleep, join, wait, Future.get, await, acquire, lock, take, put)", Map.of(
                Thread.class.getName(), Set.of("sleep", "join"),
                Object.class.getName(), Set.of("wait"),
                Future.class.getName(), Set.of("get"),
                CompletableFuture.class.getName(), Set.of("join"),
                CountDownLatch.class.getName(), Set.of("await"),
                CyclicBarrier.class.getName(), Set.of("await"),
                Semaphore.class.getName(), Set.of("acquire", "acquireUninterruptibly"),
                Lock.class.getName(), Set.of("lock", "lockInterruptibly"),
                BlockingQueue.class.getName(), Set.of("take", "put")));
    }

    static DescribedPredicate<JavaCall<?>> systemClockRead() {
        Set<String> now = Set.of("now");
        return callTo("a read of the system clock", Map.ofEntries(
                entry(Instant.class.getName(), now),
                entry(LocalDate.class.getName(), now),
                entry(LocalDateTime.class.getName(), now),
                entry(LocalTime.class.getName(), now),
                entry(OffsetDateTime.class.getName(), now),
                entry(OffsetTime.class.getName(), now),
                entry(ZonedDateTime.class.getName(), now),
                entry(java.time.Year.class.getName(), now),
                entry(java.time.YearMonth.class.getName(), now),
                entry(java.time.MonthDay.class.getName(), now),
                entry(Clock.class.getName(), Set.of("systemUTC", "systemDefaultZone", "system")),
                entry(System.class.getName(), Set.of("currentTimeMillis", "nanoTime"))));
    }

    /** Files, sockets, JDBC and the JDK's blocking HTTP client. */
    static DescribedPredicate<JavaClass> blockingIoType() {
        Set<String> blockingClasses = Set.of("java.io.File", "java.io.FileInputStream", "java.io.FileOutputStream",
                "java.io.FileReader", "java.io.FileWriter", "java.io.RandomAccessFile", "java.net.Socket",
                "java.net.ServerSocket", "java.net.DatagramSocket", "java.net.URL", "java.net.URLConnection",
                "java.net.HttpURLConnection", "java.net.InetAddress");
        return DescribedPredicate.describe("a blocking I/O type (files, sockets, JDBC, java.net.http)",
                type -> blockingClasses.contains(type.getName())
                        || Set.of("java.sql", "java.nio.file", "java.nio.channels", "java.net.http")
                                .stream().anyMatch(pkg -> inPackageTree(type, pkg)));
    }

    /** Arrays, concrete JDK collections and maps, atomics, builders and other mutable JDK holders. */
    static DescribedPredicate<JavaClass> mutableContainer() {
        Set<String> mutableClasses = Set.of("java.lang.StringBuilder", "java.lang.StringBuffer", "java.util.Date",
                "java.util.Calendar", "java.util.Random");
        return DescribedPredicate.describe("a mutable container type", type -> type.isArray()
                || mutableClasses.contains(type.getName())
                || inPackageTree(type, "java.util.concurrent.atomic")
                || (!type.isInterface() && (type.isAssignableTo(Collection.class) || type.isAssignableTo(Map.class))));
    }

    static DescribedPredicate<JavaClass> floatingPoint() {
        Set<String> floatingPoint = Set.of("double", "float", Double.class.getName(), Float.class.getName());
        return DescribedPredicate.describe("double, float, Double or Float",
                type -> floatingPoint.contains(type.getName()));
    }

    /** Interfaces implemented (or classes extended) by some class of the given package pattern. */
    static DescribedPredicate<JavaClass> implementedIn(String packagePattern) {
        DescribedPredicate<JavaClass> inPackage = JavaClass.Predicates.resideInAPackage(packagePattern);
        return DescribedPredicate.describe("implemented in " + packagePattern,
                type -> type.getAllSubclasses().stream().anyMatch(inPackage));
    }

    /** Types named rather than referenced where this module does not compile against them. */
    static DescribedPredicate<JavaCall<?>> transactionDemarcation() {
        return callTo("a transaction demarcation (TransactionalOperator.transactional/execute, a transaction "
                + "manager's begin/commit/rollback, R2DBC Connection transaction control)", Map.of(
                "org.springframework.transaction.reactive.TransactionalOperator", Set.of("transactional", "execute"),
                "org.springframework.transaction.ReactiveTransactionManager",
                Set.of("getReactiveTransaction", "commit", "rollback"),
                "org.springframework.transaction.PlatformTransactionManager",
                Set.of("getTransaction", "commit", "rollback"),
                "io.r2dbc.spi.Connection", Set.of("beginTransaction", "commitTransaction", "rollbackTransaction",
                        "setAutoCommit")));
    }

    /** @param namesByOwner banned method names by the (fully qualified) type declaring them; subtypes count too */
    private static DescribedPredicate<JavaCall<?>> callTo(String description, Map<String, Set<String>> namesByOwner) {
        return DescribedPredicate.describe(description, call -> namesByOwner.entrySet().stream()
                .anyMatch(banned -> banned.getValue().contains(call.getName())
                        && call.getTargetOwner().isAssignableTo(banned.getKey())));
    }

    private static boolean inPackageTree(JavaClass type, String pkg) {
        return type.getPackageName().equals(pkg) || type.getPackageName().startsWith(pkg + ".");
    }
}
