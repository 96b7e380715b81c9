package dev.carmarket.smoke;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends the pack's requests to the deployed instance with a bounded timeout and the {@link RetryPolicy}.
 * Waits for each response on purpose: the pack is a sequential command-line tool.
 */
final class HttpProbe {

    static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final HttpClient client;
    private final String baseUrl;
    private final Duration timeout;
    private final RetryPolicy retryPolicy;

    HttpProbe(URI baseUrl, Duration timeout, RetryPolicy retryPolicy) {
        // HTTP/1.1: no h2c upgrade attempt against plain-HTTP instances; redirects would hide the real answer.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.baseUrl = baseUrl.toString();
        this.timeout = timeout;
        this.retryPolicy = retryPolicy;
    }

    /**
     * @param target path and query relative to the base URL, starting with "/"
     * @param jsonBody the raw JSON body to send, or null for a request without a body
     */
    Exchange send(String method, String target, Map<String, String> headers, String jsonBody, String requestId)
            throws CheckFailure {
        HttpRequest request = request(method, target, headers, jsonBody, requestId);
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = exchangeWithinTimeout(request);
                boolean retry = response.statusCode() == RetryPolicy.RETRIED_STATUS
                        && retryPolicy.allowsRetryAfter(attempt);
                if (!retry) {
                    return new Exchange(method, target, requestId, response.statusCode(), response.headers(),
                            response.body(), attempt);
                }
            } catch (HttpConnectTimeoutException e) {
                failUnlessRetryAllowed(method, target, attempt, "connect timeout");
            } catch (HttpTimeoutException e) {
                throw new CheckFailure(method + " " + target + ": no response within " + timeout.toMillis() + " ms");
            } catch (IOException e) {
                failUnlessRetryAllowed(method, target, attempt, describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CheckFailure(method + " " + target + ": interrupted");
            }
            pause(retryPolicy.backoffAfter(attempt));
        }
    }

    /**
     * The JDK's request timeout stops at the response headers; this also bounds the body, so a stalled stream
     * cannot hang the pack.
     */
    private HttpResponse<String> exchangeWithinTimeout(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> response = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofString());
        try {
            return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new HttpTimeoutException("response incomplete after " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException cause) {
                throw cause;
            }
            throw new IOException(e.getCause());
        }
    }

    private HttpRequest request(String method, String target, Map<String, String> headers, String jsonBody,
                                String requestId) throws CheckFailure {
        URI uri;
        try {
            uri = URI.create(baseUrl + target);
        } catch (IllegalArgumentException e) {
            throw new CheckFailure("cannot build a URL from " + target + ": " + e.getMessage());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .header(REQUEST_ID_HEADER, requestId);
        headers.forEach(builder::setHeader); // a check's own header (e.g. Accept) replaces the default
        if (jsonBody == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return builder.build();
    }

    private void failUnlessRetryAllowed(String method, String target, int attempt, String problem)
            throws CheckFailure {
        if (!retryPolicy.allowsRetryAfter(attempt)) {
            String attempts = attempt == 1 ? "1 attempt" : attempt + " attempts";
            throw new CheckFailure(method + " " + target + ": connection to " + baseUrl + " failed after "
                    + attempts + " (" + problem + ")");
        }
    }

    /** E.g. "ConnectException" or "IOException: connection reset": the JDK often leaves the message null. */
    private static String describe(IOException e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String name = e.getClass().getSimpleName();
        return cause.getMessage() == null ? name : name + ": " + cause.getMessage();
    }

    private static void pause(Duration backoff) throws CheckFailure {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailure("interrupted while backing off before a retry");
        }
    }
}
