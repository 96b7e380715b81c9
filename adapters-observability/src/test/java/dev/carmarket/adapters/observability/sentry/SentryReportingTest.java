package dev.carmarket.adapters.observability.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import io.sentry.protocol.User;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Reporting through the real SDK to a real HTTP endpoint, reading what actually went over the wire. */
class SentryReportingTest {

    private static final String EMAIL = "jane.doe@example.com";
    private static final String PHONE = "+4915112345678";

    private final SentryErrorReporter reporter = new SentryErrorReporter();
    private SentryEnvelopeServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new SentryEnvelopeServer();
    }

    @AfterEach
    void resetSentry() {
        Sentry.close();
        server.close();
    }

    @Test
    void an_unhandled_failure_is_sent_once_tagged_and_without_personal_data() {
        SentryConfigurator sentry = new SentryConfigurator(server.dsn(), "staging", "carmarket@1.4.2");
        assertThat(sentry.start()).isTrue();
        // What a careless log line or integration might leave on the scope.
        Sentry.setExtra("customer", "Jane Doe <" + EMAIL + ">, " + PHONE);
        User user = new User();
        user.setEmail(EMAIL);
        user.setIpAddress("203.0.113.7");
        Sentry.setUser(user);
        Breadcrumb breadcrumb = new Breadcrumb("placing order for " + EMAIL);
        breadcrumb.setData("phone", PHONE);
        Sentry.addBreadcrumb(breadcrumb);
        IllegalStateException failure = new IllegalStateException(
                "could not notify " + EMAIL + " on +49 151 1234 5678 about order ORD-2026-000123");

        reporter.reportUnhandled(failure, "/orders", "POST", "req-7f3a9c");
        reporter.reportUnhandled(failure, "/orders", "POST", "req-7f3a9c");
        sentry.close();

        assertThat(server.requests()).isNotEmpty().allMatch(request ->
                request.equals("POST " + SentryEnvelopeServer.ENVELOPE_PATH));
        List<SentryEnvelopeServer.Item> events = server.items("event");
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0).json();
        assertThat(event.path("tags").path("route").asString()).isEqualTo("/orders");
        assertThat(event.path("tags").path("method").asString()).isEqualTo("POST");
        assertThat(event.path("tags").path("requestId").asString()).isEqualTo("req-7f3a9c");
        assertThat(event.path("environment").asString()).isEqualTo("staging");
        assertThat(event.path("release").asString()).isEqualTo("carmarket@1.4.2");
        JsonNode exception = event.path("exception").path("values").get(0);
        assertThat(exception.path("type").asString()).isEqualTo("IllegalStateException");
        assertThat(exception.path("value").asString())
                .isEqualTo("could not notify [email] on [phone] about order ORD-2026-000123");
        assertThat(event.path("extra").path("customer").asString()).isEqualTo("Jane Doe <[email]>, [phone]");
        assertThat(event.path("breadcrumbs").get(0).path("message").asString()).isEqualTo("placing order for [email]");
        assertThat(event.has("user")).isFalse();
        assertThat(event.has("request")).isFalse();

        String sent = server.rawText();
        assertThat(sent).doesNotContain("jane.doe", "example.com", "4915112345678", "1234 5678", "203.0.113.7");
    }

    @Test
    void without_a_dsn_sentry_stays_off_and_nothing_is_sent() {
        for (String dsn : new String[] {null, "", "   "}) {
            SentryConfigurator sentry = new SentryConfigurator(dsn, "production", "carmarket@1.4.2");

            assertThat(sentry.start()).isFalse();
            assertThat(Sentry.isEnabled()).isFalse();
            reporter.reportUnhandled(new IllegalStateException("boom for " + EMAIL), "/orders", "POST", "req-1");
            Sentry.flush(500);
            sentry.close();
        }

        assertThat(server.requests()).isEmpty();
    }

    @Test
    void closing_turns_sentry_off_and_is_safe_to_repeat() {
        SentryConfigurator sentry = new SentryConfigurator(server.dsn(), null, null);
        sentry.start();
        assertThat(Sentry.isEnabled()).isTrue();

        sentry.close();
        sentry.close();

        assertThat(Sentry.isEnabled()).isFalse();
    }
}
