package dev.carmarket.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineParserTest {

    @Test
    void no_arguments_serve() {
        assertThat(CommandLineParser.parse()).isEqualTo(new LaunchCommand.Serve());
    }

    @Test
    void preflight_is_recognised() {
        assertThat(CommandLineParser.parse("--preflight")).isEqualTo(new LaunchCommand.Preflight());
    }

    @Test
    void seed_defaults_to_the_benchmark_size_and_takes_a_count() {
        assertThat(CommandLineParser.parse("--seed")).isEqualTo(new LaunchCommand.Seed(100_000));
        assertThat(CommandLineParser.parse("--seed=2000")).isEqualTo(new LaunchCommand.Seed(2000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--seed=0", "--seed=-5", "--seed=many", "--seed=", "--seed=99999999999"})
    void a_bad_seed_count_is_refused(String argument) {
        assertThatThrownBy(() -> CommandLineParser.parse(argument))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--seed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--serve", "--preflight=yes", "--seeds", "preflight", "--server.port=9000"})
    void unknown_arguments_are_refused_by_name(String argument) {
        assertThatThrownBy(() -> CommandLineParser.parse(argument))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown argument '" + argument + "'")
                .hasMessageContaining("usage:");
    }

    @Test
    void two_modes_at_once_are_refused() {
        assertThatThrownBy(() -> CommandLineParser.parse("--preflight", "--seed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most one argument");
    }
}
