package dev.carmarket.adapters.observability.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiScrubberTest {

    private final PiiScrubber scrubber = new PiiScrubber();

    @Test
    void keeps_how_a_request_was_made_and_drops_who_made_it_and_what_they_sent() {
        Request request = new Request();
        request.setMethod("POST");
        request.setUrl("https://api.carmarket.dev/orders");
        request.setQueryString("make=VW&notify=jane%40example.com&phone=%2B4915112345678&q=golf");
        request.setData("{\"customer\":{\"email\":\"jane@example.com\",\"phone\":\"+4915112345678\"}}");
        request.setCookies("session=abc123");
        request.setEnvs(Map.of("REMOTE_ADDR", "203.0.113.7"));
        request.setHeaders(Map.of(
                "User-Agent", "shop-frontend/3.2",
                "Content-Type", "application/json",
                "X-Request-Id", "req-7f3a9c",
                "Authorization", "Bearer internal-token-value",
                "Cookie", "session=abc123",
                "X-Forwarded-For", "203.0.113.7",
                "Idempotency-Key", "order-key-7f3a"));
        SentryEvent event = new SentryEvent();
        event.setRequest(request);

        Request scrubbed = scrubber.execute(event, new Hint()).getRequest();

        assertThat(scrubbed.getMethod()).isEqualTo("POST");
        assertThat(scrubbed.getUrl()).isEqualTo("https://api.carmarket.dev/orders");
        assertThat(scrubbed.getQueryString()).isEqualTo("make=VW&notify=[email]&phone=[phone]&q=golf");
        assertThat(scrubbed.getData()).isNull();
        assertThat(scrubbed.getCookies()).isNull();
        assertThat(scrubbed.getEnvs()).isNull();
        assertThat(scrubbed.getHeaders()).isEqualTo(Map.of(
                "User-Agent", "shop-frontend/3.2",
                "Content-Type", "application/json",
                "X-Request-Id", "req-7f3a9c"));
    }

    @Test
    void drops_the_user_and_masks_messages_exceptions_extras_and_tags() {
        SentryEvent event = new SentryEvent();
        User user = new User();
        user.setEmail("jane@example.com");
        event.setUser(user);
        Message message = new Message();
        message.setMessage("order for %s failed");
        message.setParams(List.of("jane@example.com"));
        message.setFormatted("order for jane@example.com failed");
        event.setMessage(message);
        SentryException exception = new SentryException();
        exception.setValue("no reply from +49 151 12345678");
        event.setExceptions(List.of(exception));
        event.setExtra("contact", "jane@example.com");
        event.setExtra("attempts", 3);
        event.setTag("requestId", "4b7e0c1e-1f0a-4c39-9a59-0f7c1c1e2d3a");
        event.setTag("customer", "+4915112345678");

        SentryEvent scrubbed = scrubber.execute(event, new Hint());

        assertThat(scrubbed.getUser()).isNull();
        assertThat(scrubbed.getMessage().getFormatted()).isEqualTo("order for [email] failed");
        assertThat(scrubbed.getMessage().getParams()).containsExactly("[email]");
        assertThat(scrubbed.getExceptions().get(0).getValue()).isEqualTo("no reply from [phone]");
        assertThat(scrubbed.getExtras()).isEqualTo(Map.of("contact", "[email]", "attempts", 3));
        assertThat(scrubbed.getTags()).isEqualTo(Map.of(
                "requestId", "4b7e0c1e-1f0a-4c39-9a59-0f7c1c1e2d3a", "customer", "[phone]"));
    }
}
