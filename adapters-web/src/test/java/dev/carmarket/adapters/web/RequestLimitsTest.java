package dev.carmarket.adapters.web;

import static dev.carmarket.adapters.web.support.ContractAssertions.errorMessage;
import static dev.carmarket.adapters.web.support.ContractAssertions.success;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.adapters.web.support.CheckoutFlow;
import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.adapters.web.support.WebAdapterTest;
import dev.carmarket.ports.testing.TestCars;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/** Bodies over 64 KiB are refused, whether they announce their length or stream in chunks. */
class RequestLimitsTest extends WebAdapterTest {

    static final int LIMIT = 64 * 1024;
    static final String TOO_LARGE = "Request body must not be larger than 65536 bytes";
    static final String CAR = "1a2b3c4d-0000-4000-8000-000000000001";


    @Override
    protected WebAdapterHarness.Builder configure(WebAdapterHarness.Builder harness) {
        return harness.cars(TestCars.car().id(CAR).build());
    }

    /** A valid order padded with trailing whitespace to exactly {@code size} bytes. */
    static byte[] orderOfSize(int size) {
        byte[] order = CheckoutFlow.pickupOrderBody(CAR).getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(order, size);
        Arrays.fill(padded, order.length, size, (byte) ' ');
        return padded;
    }

    @Test
    void aDeclaredLengthOverTheLimitIsA413() {
        errorMessage(client.post().uri("/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(orderOfSize(LIMIT + 1)).exchange(), 413, TOO_LARGE);
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413() {
        byte[] body = orderOfSize(LIMIT + 1);
        Flux<DataBuffer> chunks = Flux.just(
                DefaultDataBufferFactory.sharedInstance.wrap(Arrays.copyOfRange(body, 0, LIMIT / 2)),
                DefaultDataBufferFactory.sharedInstance.wrap(Arrays.copyOfRange(body, LIMIT / 2, body.length)));

        errorMessage(client.post().uri("/orders").contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks)).exchange(), 413, TOO_LARGE);
    }

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() {
        assertThat(success(client.post().uri("/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(orderOfSize(LIMIT)).exchange(), 201, "order-response.json").get("data").get("carId")
                .asString()).isEqualTo(CAR);
    }
}
