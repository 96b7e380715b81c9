package dev.carmarket.reliability;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** Bounded concurrency: every helper here stops by itself and never waits without a limit. */
final class Load {

    private Load() {
    }

    /**
     * {@code workers} threads each run {@code iteration} (given the worker's index) over and over while
     * {@code meanwhile} runs on the caller's thread (it decides the phases; it is told whether every worker
     * is still healthy). The first failure of a worker stops them all and is rethrown; a worker still
     * stuck {@code grace} after the stop fails the test.
     */
    static void run(int workers, IntConsumer iteration, Consumer<BooleanSupplier> meanwhile, Duration grace) {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int w = 0; w < workers; w++) {
                int worker = w;
                futures.add(pool.submit(() -> {
                    try {
                        while (running.get()) {
                            iteration.accept(worker);
                        }
                    } catch (RuntimeException | AssertionError failed) {
                        firstFailure.compareAndSet(null, failed);
                        running.set(false);
                    }
                }));
            }
            meanwhile.accept(() -> firstFailure.get() == null);
        } finally {
            running.set(false);
            awaitAll(pool, futures, grace);
        }
        if (firstFailure.get() instanceof AssertionError assertion) {
            throw assertion;
        }
        if (firstFailure.get() != null) {
            throw new IllegalStateException("a load worker failed", firstFailure.get());
        }
    }

    /** Runs every task at once (as far as {@code concurrency} allows) and returns the results in order. */
    static <T> List<T> all(int concurrency, List<Callable<T>> tasks, Duration limit) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<T>> futures = new ArrayList<>();
        try {
            tasks.forEach(task -> futures.add(pool.submit(task)));
            awaitAll(pool, futures, limit);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException failed) {
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Polls {@code condition} every 200 ms; false if it did not hold within {@code limit}. */
    static boolean eventually(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Pause.of(Duration.ofMillis(200));
        }
        return true;
    }

    private static void awaitAll(ExecutorService pool, List<? extends Future<?>> futures, Duration limit) {
        pool.shutdown();
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            for (Future<?> future : futures) {
                future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException stuck) {
            pool.shutdownNow();
            fail("load did not finish within " + limit + ": a request hung");
        } catch (ExecutionException failed) {
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
