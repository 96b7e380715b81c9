package dev.carmarket.adapters.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomIdGeneratorTest {

    @Test
    void randomIdsAreDistinctVersion4Uuids() {
        RandomIdGenerator ids = new RandomIdGenerator();

        assertThat(IntStream.range(0, 10_000).mapToObj(i -> ids.newId()).toList()).doesNotHaveDuplicates()
                .allSatisfy(id -> {
                    assertThat(id.version()).isEqualTo(4);
                    assertThat(id.variant()).isEqualTo(2);
                });
    }
}
