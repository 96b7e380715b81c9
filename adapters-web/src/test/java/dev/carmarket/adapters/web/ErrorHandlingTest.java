package dev.carmarket.adapters.web;

import static dev.carmarket.adapters.web.support.ContractAssertions.REQUEST_ID;
import static dev.carmarket.adapters.web.support.ContractAssertions.errorMessage;
import static dev.carmarket.adapters.web.support.ContractAssertions.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.carmarket.adapters.web.http.ErrorEnvelopeExceptionHandler;
import dev.carmarket.adapters.web.http.RequestIds;
import dev.carmarket.adapters.web.support.WebAdapterHarness;
import dev.carmarket.adapters.web.support.WebAdapterTest;
import dev.carmarket.ports.domain.car.CarDetails;
import dev.carmarket.ports.domain.car.CarSummary;
import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import dev.carmarket.ports.in.car.GetCarDetailsUseCase;
import dev.carmarket.ports.in.car.SearchCarsUseCase;
import dev.carmarket.ports.in.order.GetOrderUseCase;
import dev.carmarket.ports.in.payment.GetPaymentUseCase;
import dev.carmarket.ports.testing.TestCars;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Failures of every kind end in the error envelope; every response carries the request id. */
class ErrorHandlingTest extends WebAdapterTest {

    static final String SOME_ID = "3f2e1d0c-0000-4000-8000-000000000001";
    static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    static final String INTERNAL_DETAIL = "SELECT * FROM cars failed: connection to 10.0.0.5:5432 refused";


    /** Built up front: making a test car draws a random UUID, which would block an event-loop thread. */
    static final CarDetails CAR = TestCars.car().id(SOME_ID).build();

    static CarDetails titled(String title) {
        CarSummary s = CAR.summary();
        return new CarDetails(new CarSummary(s.id(), title, s.make(), s.model(), s.year(), s.price(), s.mileageKm(),
                s.fuelType(), s.transmission(), s.bodyType(), s.location(), s.thumbnailUrl(), s.status(),
                s.listedAt()), CAR.description(), CAR.color(), CAR.doors(), CAR.seats(), CAR.engine(), CAR.features(),
                CAR.images(), CAR.seller());
    }

    @Override
    protected WebAdapterHarness.Builder configure(WebAdapterHarness.Builder harness) {
        return harness
                .override(SearchCarsUseCase.class, criteria -> {
                    throw new IllegalStateException(INTERNAL_DETAIL);
                })
                .override(GetOrderUseCase.class, id -> Mono.error(new NullPointerException(INTERNAL_DETAIL)))
                .override(GetPaymentUseCase.class, id -> Mono.error(
                        new DomainException(DomainError.STORE_UNAVAILABLE, new IllegalStateException(INTERNAL_DETAIL))))
                // Echoes the request id it finds in the Reactor Context as the car's title.
                .override(GetCarDetailsUseCase.class, id -> RequestIds.current().map(ErrorHandlingTest::titled));
    }

    @Test
    void anUnexpectedFailureIsA500ThatRevealsNothingButIsLoggedUnderTheRequestId() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(ErrorEnvelopeExceptionHandler.class);
        logs.start();
        logger.addAppender(logs);
        try {
            for (WebTestClient.ResponseSpec response : new WebTestClient.ResponseSpec[] {
                client.get().uri("/car-details/search").header(REQUEST_ID, "boom-1").exchange(),
                client.get().uri("/orders/" + SOME_ID).header(REQUEST_ID, "boom-2").exchange()}) {
                JsonNode body = errorMessage(response, 500, "Internal server error");
                assertThat(body.toString()).doesNotContain("SELECT", "10.0.0.5", "Exception", "dev.carmarket");
            }
        } finally {
            logger.detachAppender(logs);
        }

        assertThat(logs.list).filteredOn(event -> event.getLevel() == Level.ERROR)
                .extracting(ILoggingEvent::getFormattedMessage, event -> event.getThrowableProxy().getMessage())
                .containsExactly(
                        tuple("Unhandled failure of GET /car-details/search (requestId=boom-1)", INTERNAL_DETAIL),
                        tuple("Unhandled failure of GET /orders/" + SOME_ID + " (requestId=boom-2)", INTERNAL_DETAIL));
    }

    @Test
    void anUnavailableStoreIsA503() {
        JsonNode body = errorMessage(client.get().uri("/payments/" + SOME_ID).exchange(), 503,
                "Service temporarily unavailable");
        assertThat(body.toString()).doesNotContain("SELECT", "10.0.0.5");
    }

    @Test
    void anUnknownRouteIsA404Envelope() {
        errorMessage(client.get().uri("/no/such/route").exchange(), 404, "Cannot GET /no/such/route");
        errorMessage(client.post().uri("/orders/" + SOME_ID + "/cancel").exchange(), 404,
                "Cannot POST /orders/" + SOME_ID + "/cancel");
    }

    static Stream<Arguments> wrongMethods() {
        return Stream.of(
                Arguments.of(HttpMethod.DELETE, "/orders", "POST"),
                Arguments.of(HttpMethod.OPTIONS, "/orders", "POST"),
                Arguments.of(HttpMethod.PUT, "/orders/" + SOME_ID, "GET,HEAD"),
                Arguments.of(HttpMethod.POST, "/car-details/search", "GET,HEAD"),
                Arguments.of(HttpMethod.POST, "/car-details/" + SOME_ID, "GET,HEAD"),
                Arguments.of(HttpMethod.GET, "/payments/webhook", "POST"),
                Arguments.of(HttpMethod.GET, "/payments", "POST"),
                Arguments.of(HttpMethod.PATCH, "/payments/" + SOME_ID, "GET,HEAD"));
    }

    @ParameterizedTest
    @MethodSource("wrongMethods")
    void aKnownPathWithAnotherMethodIsA405WithAllow(HttpMethod method, String path, String allowed) {
        WebTestClient.ResponseSpec response = client.method(method).uri(path).exchange();
        response.expectHeader().valueEquals("Allow", allowed);
        errorMessage(response, 405, "Cannot " + method.name() + " " + path);
    }

    @Test
    void headIsAnsweredWhereverGetIs() {
        client.method(HttpMethod.HEAD).uri("/car-details/" + SOME_ID).header(REQUEST_ID, "head-1").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals(REQUEST_ID, "head-1")
                .expectBody().isEmpty();
    }

    @Test
    void theRequestIdReachesTheUseCaseThroughTheReactorContext() {
        WebTestClient.ResponseSpec response = client.get().uri("/car-details/" + SOME_ID)
                .header(REQUEST_ID, "trace-42").exchange();
        response.expectHeader().valueEquals(REQUEST_ID, "trace-42");

        JsonNode car = success(response, 200, "car-details-response.json").get("data");
        assertThat(car.get("title").asString()).isEqualTo("trace-42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "req-123.abc:XYZ_9",
        "0123456789012345678901234567890123456789012345678901234567890123"
            + "0123456789012345678901234567890123456789012345678901234567890123"})
    void aWellFormedIncomingRequestIdIsKeptOnSuccessAndOnErrors(String requestId) {
        WebTestClient.ResponseSpec found = client.get().uri("/car-details/" + SOME_ID).header(REQUEST_ID, requestId)
                .exchange();
        found.expectHeader().valueEquals(REQUEST_ID, requestId);
        success(found, 200, "car-details-response.json");
        JsonNode error = errorMessage(client.get().uri("/nowhere").header(REQUEST_ID, requestId).exchange(), 404,
                "Cannot GET /nowhere");
        assertThat(error.get("requestId").asString()).isEqualTo(requestId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "bad/slash", "semi;colon", "ünicode"})
    void aMalformedIncomingRequestIdIsReplaced(String requestId) {
        JsonNode error = errorMessage(client.get().uri("/nowhere").header(REQUEST_ID, requestId).exchange(), 404,
                "Cannot GET /nowhere");
        assertThat(error.get("requestId").asString()).matches(UUID_TEXT);
    }

    @Test
    void aTooLongIncomingRequestIdIsReplaced() {
        JsonNode error = errorMessage(client.get().uri("/nowhere").header(REQUEST_ID, "r".repeat(129)).exchange(),
                404, "Cannot GET /nowhere");
        assertThat(error.get("requestId").asString()).matches(UUID_TEXT);
    }

    @Test
    void eachRequestWithoutAnIdGetsItsOwn() {
        String first = errorMessage(client.get().uri("/nowhere").exchange(), 404, "Cannot GET /nowhere")
                .get("requestId").asString();
        String second = errorMessage(client.get().uri("/nowhere").exchange(), 404, "Cannot GET /nowhere")
                .get("requestId").asString();

        assertThat(first).matches(UUID_TEXT);
        assertThat(second).matches(UUID_TEXT).isNotEqualTo(first);
    }
}
