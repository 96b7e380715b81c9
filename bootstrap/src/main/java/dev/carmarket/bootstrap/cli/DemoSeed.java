package dev.carmarket.bootstrap.cli;

import dev.carmarket.adapters.demo.DemoCarGenerator;
import dev.carmarket.adapters.r2dbc.R2dbcPersistence;
import dev.carmarket.adapters.r2dbc.migration.DatabaseMigrator;
import dev.carmarket.bootstrap.settings.CarmarketSettings;
import dev.carmarket.bootstrap.settings.DatabaseSettings;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.out.car.CarBulkLoader;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import reactor.core.publisher.Flux;

/**
 * {@code --seed[=N]}: migrates, then loads the deterministic demo cars into an empty database
 * (benchmarks and demos), through the bulk loader port. A database that already holds cars is
 * refused rather than mixed with generated ones. The cars stream to the loader in batches, so memory
 * stays flat however many there are; a line every {@value #PROGRESS_EVERY} cars shows how far it got.
 */
public final class DemoSeed {

    static final Duration COUNT_TIMEOUT = Duration.ofSeconds(30);
    /** Generous for the largest seed allowed; a stuck database still ends the command. */
    static final Duration LOAD_TIMEOUT = Duration.ofMinutes(30);

    static final int PROGRESS_EVERY = 100_000;

    private final PrintStream out;

    public DemoSeed(PrintStream out) {
        this.out = out;
    }

    /** @throws CommandFailedException without DATABASE_URL, or when the database is not empty */
    public void run(CarmarketSettings settings, int cars) {
        DatabaseSettings database = settings.database().orElseThrow(() -> new CommandFailedException(
                "--seed needs DATABASE_URL (without it the in-memory store starts with demo cars anyway)",
                ExitStatus.CONFIG));
        int applied = new DatabaseMigrator(database.connection()).migrate();
        out.println("carmarket seed: " + database.connection().server() + " migrated (" + applied
                + " migration(s) applied)");
        try (R2dbcPersistence persistence = DatabaseTarget.connect(database)) {
            CarBulkLoader loader = persistence.carBulkLoader();
            long existing = Await.result(loader.count(), COUNT_TIMEOUT);
            if (existing > 0) {
                throw new CommandFailedException("refusing to seed " + database.connection().server()
                        + ": it already holds " + existing + " car(s); seed only an empty database", ExitStatus.DATA);
            }
            long started = System.nanoTime();
            Flux<CarDetails> generated = new DemoCarGenerator(DemoCarGenerator.DEFAULT_SEED).cars(cars)
                    .doOnNext(new Progress(cars, started)::generated);
            long loaded = Await.result(loader.load(generated), LOAD_TIMEOUT);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            out.println(String.format(Locale.ROOT, "carmarket seed: loaded %d cars in %.1f s", loaded,
                    elapsed.toMillis() / 1000.0));
        }
    }

    /** Counts the cars handed to the loader, which takes them only as fast as it stores them. */
    private final class Progress {

        private final int total;
        private final long startedNanos;
        private int generated;

        private Progress(int total, long startedNanos) {
            this.total = total;
            this.startedNanos = startedNanos;
        }

        void generated(CarDetails car) {
            generated++;
            if (generated % PROGRESS_EVERY == 0 && generated < total) {
                out.println(String.format(Locale.ROOT, "carmarket seed: %d of %d cars (%.0f s)", generated, total,
                        (System.nanoTime() - startedNanos) / 1e9));
            }
        }
    }
}
