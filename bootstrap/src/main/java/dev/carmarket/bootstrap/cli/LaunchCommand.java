package dev.carmarket.bootstrap.cli;

import dev.carmarket.adapters.demo.DemoCarGenerator;

/** What one start of the jar does, chosen by its arguments. */
public sealed interface LaunchCommand {

    /** How messages name the mode. */
    String name();

    /** No arguments: run the HTTP service. */
    record Serve() implements LaunchCommand {
        @Override
        public String name() {
            return "serve";
        }
    }

    /** {@code --preflight}: check configuration and database, then exit without serving. */
    record Preflight() implements LaunchCommand {
        @Override
        public String name() {
            return "preflight";
        }
    }

    /** {@code --seed[=N]}: migrate, load N demo cars into an empty database, then exit. */
    record Seed(int cars) implements LaunchCommand {

        public static final int DEFAULT_CARS = DemoCarGenerator.BENCHMARK_SIZE;
        public static final int MAX_CARS = 5_000_000;

        public Seed {
            if (cars < 1 || cars > MAX_CARS) {
                throw new IllegalArgumentException("--seed needs a number of cars between 1 and " + MAX_CARS);
            }
        }

        @Override
        public String name() {
            return "seed";
        }
    }
}
