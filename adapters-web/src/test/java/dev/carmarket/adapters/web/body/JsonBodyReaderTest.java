package dev.carmarket.adapters.web.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.carmarket.adapters.web.http.WebJson;
import dev.carmarket.adapters.web.support.RecordingUnknownPropertyListener;
import dev.carmarket.ports.domain.common.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The strict check on a request record with lists of nested records, which no contract route has yet. */
class JsonBodyReaderTest {

    record Line(String sku, Integer quantity) {
    }

    record Basket(String owner, List<Line> lines) {
    }

    static final byte[] BODY = """
            {"owner":"jane","secret":"hunter2","lines":[{"sku":"a","quantity":1,"coupon":"X-1"},{"sku":"b"}]}"""
            .getBytes(StandardCharsets.UTF_8);

    final RecordingUnknownPropertyListener listener = new RecordingUnknownPropertyListener();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(JsonBodyReader.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    JsonBodyReader<Basket> reader(String strictValidation) {
        return new JsonBodyReaders(new WebJson(), StrictValidationPolicy.parse(strictValidation), listener)
                .forRoute(StrictValidationPolicy.PLACE_ORDER, Basket.class);
    }

    @Test
    void enforceNamesUnknownPropertiesInsideArraysByIndex() {
        assertThatThrownBy(() -> reader("POST /orders=enforce").convert(BODY, Function.identity()))
                .isInstanceOfSatisfying(DomainException.class, invalid -> assertThat(invalid.problems())
                        .containsExactly("property secret should not exist",
                                "property lines.0.coupon should not exist"));
        assertThat(listener.seen())
                .containsExactly("POST /orders ENFORCE secret", "POST /orders ENFORCE lines.0.coupon");
    }

    @Test
    void reportBindsWithoutThemAndLogsOnlyTheirPaths() {
        Basket basket = reader("POST /orders=report").convert(BODY, Function.identity());

        assertThat(basket).isEqualTo(new Basket("jane", List.of(new Line("a", 1), new Line("b", null))));
        assertThat(listener.seen()).containsExactly("POST /orders REPORT secret", "POST /orders REPORT lines.0.coupon");
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(2)
                .allSatisfy(line -> assertThat(line).doesNotContain("hunter2", "X-1"))
                .anySatisfy(line -> assertThat(line).contains("'secret'", "POST /orders"))
                .anySatisfy(line -> assertThat(line).contains("'lines.0.coupon'"));
    }

    @Test
    void offIgnoresThemWithoutATrace() {
        Basket basket = reader("POST /orders=off").convert(BODY, Function.identity());

        assertThat(basket.lines()).hasSize(2);
        assertThat(listener.seen()).isEmpty();
        assertThat(logs.list).isEmpty();
    }

    @Test
    void controlCharactersInAPropertyNameDoNotReachTheLog() {
        reader("POST /orders=report").convert("{\"bad\\nname\":1}".getBytes(StandardCharsets.UTF_8),
                Function.identity());

        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .singleElement().satisfies(line -> assertThat(line).contains("'bad?name'").doesNotContain("\n"));
    }

    @Test
    void aRouteWithoutAStrictBodyCannotGetAReader() {
        assertThatThrownBy(() -> new JsonBodyReaders(new WebJson(), StrictValidationPolicy.enforceAll(), listener)
                .forRoute("GET /orders", Basket.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
