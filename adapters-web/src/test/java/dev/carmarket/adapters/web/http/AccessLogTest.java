package dev.carmarket.adapters.web.http;

import static dev.carmarket.adapters.web.support.ContractAssertions.REQUEST_ID;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.in.car.GetCarDetailsUseCase;
import dev.carmarket.ports.testing.TestCars;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One access-log line per request with its structured fields, and the request id in the MDC of every
 * line of the request, also one logged by a use case after a thread hop, with automatic context
 * propagation on as the application runs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogTest {

    private static final String SOME_ID = "3f2e1d0c-0000-4000-8000-000000000001";
    private static final CarDetails CAR = TestCars.car().id(SOME_ID).build();
    private static final org.slf4j.Logger USE_CASE_LOG = LoggerFactory.getLogger("test.use-case");

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private WebAdapterHarness harness;

    @BeforeAll
    void start() {
        Hooks.enableAutomaticContextPropagation();
        // A use case that logs after a hop to another thread, as a store adapter does when its driver answers.
        GetCarDetailsUseCase loggingUseCase = id -> Mono.delay(Duration.ofMillis(5), Schedulers.parallel())
                .doOnNext(tick -> USE_CASE_LOG.info("loading car"))
                .thenReturn(CAR);
        harness = WebAdapterHarness.builder().override(GetCarDetailsUseCase.class, loggingUseCase).start();
    }

    @AfterAll
    void stop() {
        harness.close();
        Hooks.disableAutomaticContextPropagation();
    }

    @BeforeEach
    void captureLogs() {
        logs.list.clear();
        logs.start();
        for (String name : List.of(AccessLogFilter.class.getName(), "test.use-case")) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.setLevel(Level.INFO);
            logger.addAppender(logs);
        }
    }

    @AfterEach
    void releaseLogs() {
        for (String name : List.of(AccessLogFilter.class.getName(), "test.use-case")) {
            ((Logger) LoggerFactory.getLogger(name)).detachAppender(logs);
        }
    }

    @Test
    void aServedRequestIsOneLineWithTheRouteTemplateAndNoQueryOrPath() {
        harness.client().get().uri("/car-details/" + SOME_ID + "?email=someone@example.com")
                .header(REQUEST_ID, "trace-7")
                .header(HttpHeaders.USER_AGENT, "agent/1.0")
                .header(HttpHeaders.AUTHORIZATION, "Bearer do-not-log-me")
                .exchange().expectStatus().isOk();

        ILoggingEvent line = single(accessLines());
        Map<String, Object> fields = fields(line);
        assertThat(fields).containsEntry("method", "GET")
                .containsEntry("route", "/car-details/{id}")
                .containsEntry("status", 200)
                .containsEntry("clientIp", "127.0.0.1")
                .containsEntry("userAgent", "agent/1.0")
                .containsKey("durationMs");
        assertThat((Long) fields.get("durationMs")).isBetween(0L, 10_000L);
        assertThat(line.getMDCPropertyMap()).containsEntry("requestId", "trace-7");
        assertThat(line.getFormattedMessage()).isEqualTo("GET /car-details/{id} 200 " + fields.get("durationMs") + "ms");
        assertThat(line.getFormattedMessage() + fields).doesNotContain(SOME_ID, "someone@example.com", "do-not-log-me");
    }

    @Test
    void rejectedAndUnmatchedRequestsAreLoggedUnderTheirRequestIdToo() {
        harness.client().get().uri("/nowhere/" + SOME_ID).header(REQUEST_ID, "lost-1").exchange()
                .expectStatus().isNotFound();
        harness.client().get().uri("/health/ready").header(REQUEST_ID, "no-token-1").exchange()
                .expectStatus().isUnauthorized();

        List<ILoggingEvent> lines = accessLines();
        assertThat(lines).hasSize(2);
        assertThat(fields(lines.get(0))).containsEntry("route", AccessLogFilter.UNMATCHED).containsEntry("status", 404);
        assertThat(lines.get(0).getMDCPropertyMap()).containsEntry("requestId", "lost-1");
        // Refused by the internal-endpoint guard before any route was matched.
        assertThat(fields(lines.get(1))).containsEntry("route", AccessLogFilter.UNMATCHED).containsEntry("status", 401);
        assertThat(lines.get(1).getMDCPropertyMap()).containsEntry("requestId", "no-token-1");
    }

    @Test
    void concurrentRequestsNeverSeeEachOthersRequestId() {
        int requests = 40;
        Flux.range(0, requests)
                .flatMap(n -> harness.client().get().uri("/car-details/" + SOME_ID)
                        .header(REQUEST_ID, "req-" + n)
                        .header(HttpHeaders.USER_AGENT, "agent-req-" + n)
                        .exchange().returnResult(byte[].class).getResponseBody().then(), requests)
                .blockLast(Duration.ofSeconds(30));

        List<ILoggingEvent> access = accessLines();
        assertThat(access).hasSize(requests).allSatisfy(line -> assertThat(line.getMDCPropertyMap().get("requestId"))
                .isEqualTo(((String) fields(line).get("userAgent")).substring("agent-".length())));
        List<ILoggingEvent> useCase = logs.list.stream().filter(event -> event.getLoggerName().equals("test.use-case"))
                .toList();
        assertThat(useCase).hasSize(requests);
        assertThat(useCase.stream().map(event -> event.getMDCPropertyMap().get("requestId")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, requests).mapToObj(n -> "req-" + n).toList());
    }

    private List<ILoggingEvent> accessLines() {
        return logs.list.stream().filter(event -> event.getLoggerName().equals(AccessLogFilter.class.getName()))
                .toList();
    }

    private static ILoggingEvent single(List<ILoggingEvent> lines) {
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private static Map<String, Object> fields(ILoggingEvent line) {
        return line.getKeyValuePairs().stream().collect(Collectors.toMap(pair -> pair.key, pair -> pair.value));
    }
}
