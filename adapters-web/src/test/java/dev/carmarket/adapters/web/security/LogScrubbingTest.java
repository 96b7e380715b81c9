package dev.carmarket.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.adapters.web.support.WebAdapterTest;
import dev.carmarket.ports.testing.TestCars;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every log line of requests carrying secrets and personal data, at DEBUG for everything
 * (Spring and Reactor Netty included), shows none of it; neither does any response.
 */
class LogScrubbingTest extends WebAdapterTest {

    static final String CAR = "1a2b3c4d-0000-4000-8000-0000000000d1";
    static final String BEARER_SECRET = "sk_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    static final String API_KEY = "ak_4d3c2b1a09f8e7d6c5b4a392817";
    static final String COOKIE_SECRET = "sess_0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    static final String EMAIL = "jane.private@example.com";
    static final String PHONE = "+4915199988877";
    static final List<String> SENSITIVE = List.of(BEARER_SECRET, API_KEY, COOKIE_SECRET, EMAIL, "jane.private",
            PHONE, "15199988877");

    final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level previousLevel;

    @Override
    protected WebAdapterHarness.Builder configure(WebAdapterHarness.Builder harness) {
        return harness.cars(TestCars.car().id(CAR).build());
    }

    @BeforeEach
    void capture() {
        previousLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        root.setLevel(previousLevel);
    }

    static String order(String extra) {
        return """
                {"carId":"%s","customer":{"fullName":"Jane Private","email":"%s","phone":"%s"},
                 "deliveryOption":"PICKUP"%s}""".formatted(CAR, EMAIL, PHONE, extra);
    }

    String send(String path, String body) {
        WebTestClient.ResponseSpec response = client.post().uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + BEARER_SECRET)
                .header("X-Api-Key", API_KEY)
                .header("Cookie", "session=" + COOKIE_SECRET)
                .header("X-Signature", "t=1,v1=" + BEARER_SECRET)
                // Bytes, not a String: the test client's own String encoder would log the body at DEBUG.
                .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange();
        byte[] responseBody = response.expectBody().returnResult().getResponseBody();
        return responseBody == null ? "" : new String(responseBody, StandardCharsets.UTF_8);
    }

    /**
     * A copy taken under the appender's lock: server threads still append (the access log line follows the
     * response), and Logback appends to the appender's plain list while holding that lock.
     */
    private List<ILoggingEvent> capturedSoFar() {
        synchronized (captured) {
            return new ArrayList<>(captured.list);
        }
    }

    @Test
    void secretsAndPersonalDataAppearInNoLogLineAndNoResponse() {
        List<String> responses = new ArrayList<>();
        responses.add(send("/orders", order("")));
        responses.add(send("/orders", order(",\"spy\":\"" + EMAIL + "\"")));
        responses.add(send("/orders", order(",\"customer\":{\"email\":\"" + EMAIL + " " + PHONE + "\"}")));
        responses.add(send("/orders", "{\"customer\":{\"email\":\"" + EMAIL + "\",\"phone\":\"" + PHONE + "\""));
        responses.add(send("/payments/webhook", "{\"eventId\":\"" + EMAIL + "\"}"));
        responses.add(send("/metrics", "{}"));

        String logs = capturedSoFar().stream().map(LogScrubbingTest::render).collect(Collectors.joining("\n"));
        assertThat(logs).as("the server logged the rejections").contains("POST /orders answered 400")
                .contains("POST /metrics answered 401");
        assertThat(responses.get(0)).as("the order went through, masked").contains("j***@example.com");
        for (String sensitive : SENSITIVE) {
            assertThat(logs).as("logs").doesNotContain(sensitive);
            assertThat(String.join("\n", responses)).as("responses").doesNotContain(sensitive);
        }
    }

    static String render(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getLoggerName()).append(": ").append(event.getFormattedMessage());
        text.append(' ').append(event.getMDCPropertyMap());
        if (event.getKeyValuePairs() != null) {
            event.getKeyValuePairs().forEach(pair -> text.append(' ').append(pair.key).append('=').append(pair.value));
        }
        if (event.getThrowableProxy() != null) {
            text.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return text.toString();
    }
}
