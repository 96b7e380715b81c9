package dev.carmarket.adapters.web.security;

import static dev.carmarket.adapters.web.support.ContractAssertions.error;
import static dev.carmarket.adapters.web.support.ContractAssertions.errorMessage;
import static dev.carmarket.adapters.web.support.ContractAssertions.validationError;

import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.adapters.web.support.WebAdapterTest;
import dev.carmarket.ports.testing.TestCars;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

/**
 * Input the other limit tests do not send: bytes that are not UTF-8 and hostile query strings,
 * each answered in the envelope, never with a 500.
 */
class MalformedInputTest extends WebAdapterTest {

    static final String CAR = "1a2b3c4d-0000-4000-8000-0000000000e1";

    @Override
    protected WebAdapterHarness.Builder configure(WebAdapterHarness.Builder harness) {
        return harness.cars(TestCars.car().id(CAR).build());
    }

    /** A valid order whose full name holds {@code invalid} raw bytes. */
    static byte[] orderWithNameBytes(byte[] invalid) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"carId\":\"" + CAR + "\",\"customer\":{\"fullName\":\"Jane").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(invalid);
        body.writeBytes("\",\"email\":\"jane@example.com\",\"phone\":\"+4915112345678\"},\"deliveryOption\":\"PICKUP\"}"
                .getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** Truncated, stray, overlong ({@code C0AF} is '/'), surrogate and beyond-Unicode sequences. */
    @ParameterizedTest
    @ValueSource(strings = {"C328", "FF", "C0AF", "EDA080", "F4908080", "E282"})
    void invalidUtf8IsA400(String hexBytes) {
        byte[] invalid = HexFormat.of().parseHex(hexBytes);

        errorMessage(client.post().uri("/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(orderWithNameBytes(invalid)).exchange(), 400, "Request body must be valid UTF-8");
    }

    @Test
    void anEscapedNulInAStringIsA400() {
        validationError(client.post().uri("/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(orderWithNameBytes("\\u0000".getBytes(StandardCharsets.UTF_8))).exchange(),
                "customer.fullName must not contain NUL characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=%FF", "q=%00", "page=99999999999999999999", "limit=1e3", "q=%E2%82", "make=%1B%5B31m",
            "model=a%0Ab", "sort=%27%3B%20DROP%20TABLE%20cars%3B--", "priceMin=NaN", "priceMax=1e999"})
    void hostileQueryParametersAreA400(String query) {
        error(client.get().uri(URI.create(harness.baseUrl() + "/car-details/search?" + query)).exchange(),
                400);
    }
}
