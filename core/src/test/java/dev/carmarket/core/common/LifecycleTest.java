package dev.carmarket.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LifecycleTest {

    private enum Light { RED, GREEN, BROKEN }

    private final Lifecycle<Light> lights = Lifecycle.of(Light.class)
            .allow(Light.RED, Light.GREEN)
            .allow(Light.GREEN, Light.RED)
            .allow(Light.GREEN, Light.BROKEN)
            .build();

    @Test
    void allowsExactlyTheListedMoves() {
        assertThat(lights.allows(Light.RED, Light.GREEN)).isTrue();
        assertThat(lights.allows(Light.GREEN, Light.BROKEN)).isTrue();
        assertThat(lights.allows(Light.RED, Light.BROKEN)).isFalse();
        assertThat(lights.allows(Light.BROKEN, Light.RED)).isFalse();
    }

    @Test
    void handsOutTransitionsOnlyForListedMoves() {
        Transition<Light> repair = lights.transition(Light.RED, Light.GREEN);
        assertThat(repair.from()).isEqualTo(Light.RED);
        assertThat(repair.to()).isEqualTo(Light.GREEN);

        assertThatThrownBy(() -> lights.transition(Light.BROKEN, Light.GREEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BROKEN to GREEN");
    }

    @Test
    void rejectsAMoveThatChangesNothing() {
        assertThatThrownBy(() -> Lifecycle.of(Light.class).allow(Light.RED, Light.RED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isNotChangedByItsBuilderAfterwards() {
        Lifecycle.Builder<Light> builder = Lifecycle.of(Light.class).allow(Light.RED, Light.GREEN);
        Lifecycle<Light> built = builder.build();
        builder.allow(Light.BROKEN, Light.RED);

        assertThat(built.allows(Light.BROKEN, Light.RED)).isFalse();
    }
}
