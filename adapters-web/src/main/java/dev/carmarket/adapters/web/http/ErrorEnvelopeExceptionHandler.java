package dev.carmarket.adapters.web.http;

import dev.carmarket.ports.domain.common.DomainError;
import dev.carmarket.ports.domain.common.DomainException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The one place where failures become HTTP responses: domain errors by their kind,
 * the adapter's own rejections, and the framework's 404/405/413 alike, all in the
 * contract's error envelope. Anything unexpected is a 500 whose body says nothing
 * internal; the detail goes to the log under the request id, and to the
 * {@link UnhandledFailureListener} (error monitoring).
 */
public final class ErrorEnvelopeExceptionHandler implements WebExceptionHandler, Ordered {

    /** Ahead of Spring Boot's error handler (-1) and WebFlux's status handler (0). */
    public static final int ORDER = -2;

    private static final String INTERNAL_ERROR_MESSAGE = "Internal server error";

    private static final Set<Integer> NO_ROUTE_STATUSES = Set.of(404, 405);

    private static final Logger log = LoggerFactory.getLogger(ErrorEnvelopeExceptionHandler.class);

    private final WebJson json;
    private final UnhandledFailureListener unhandledFailures;

    public ErrorEnvelopeExceptionHandler(WebJson json) {
        this(json, UnhandledFailureListener.NONE);
    }

    public ErrorEnvelopeExceptionHandler(WebJson json, UnhandledFailureListener unhandledFailures) {
        this.json = json;
        this.unhandledFailures = unhandledFailures;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        String requestId = RequestIds.of(exchange);
        // Exception handlers run outside the filter chain, so the request's context is restored here:
        // the log lines below and the access log line (written on commit) carry the request id.
        return Mono.defer(() -> answer(exchange, failure, requestId)).contextWrite(RequestIds.inContext(requestId));
    }

    private Mono<Void> answer(ServerWebExchange exchange, Throwable failure, String requestId) {
        ServerHttpResponse response = exchange.getResponse();
        HttpFailure httpFailure = describe(failure, exchange.getRequest());
        log(httpFailure, failure, exchange.getRequest(), requestId);
        if (httpFailure.unexpected()) {
            unhandledFailures.unhandled(failure, AccessLogFilter.routeOf(exchange),
                    exchange.getRequest().getMethod().name(), requestId);
        }

        ErrorEnvelope envelope = new ErrorEnvelope(httpFailure.status().value(), httpFailure.message(),
                ReasonPhrases.of(httpFailure.status()), requestId);
        byte[] body = json.write(envelope);
        response.setStatusCode(httpFailure.status());
        HttpHeaders headers = response.getHeaders();
        headers.addAll(httpFailure.headers());
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** {@code message} is a {@code List<String>} of problems or a single {@code String}. */
    private record HttpFailure(HttpStatusCode status, Object message, HttpHeaders headers, boolean unexpected) {

        static HttpFailure of(HttpStatusCode status, Object message) {
            return new HttpFailure(status, message, HttpHeaders.EMPTY, false);
        }
    }

    private static HttpFailure describe(Throwable failure, ServerHttpRequest request) {
        if (failure instanceof DomainException domain) {
            return describe(domain);
        }
        if (failure instanceof RequestRejectedException rejected) {
            return HttpFailure.of(rejected.status(), rejected.getMessage());
        }
        if (failure instanceof DataBufferLimitException) {
            RequestRejectedException tooLarge = RequestRejectedException.payloadTooLarge();
            return HttpFailure.of(tooLarge.status(), tooLarge.getMessage());
        }
        if (failure instanceof ResponseStatusException framework && !framework.getStatusCode().is5xxServerError()) {
            // The framework's 404 (no route) and 405 (carrying Allow) read like NestJS's "Cannot GET /x".
            HttpStatusCode status = framework.getStatusCode();
            String message = NO_ROUTE_STATUSES.contains(status.value())
                    ? "Cannot " + request.getMethod().name() + " " + request.getPath().value()
                    : ReasonPhrases.of(status);
            return new HttpFailure(status, message, framework.getHeaders(), false);
        }
        return new HttpFailure(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR_MESSAGE, HttpHeaders.EMPTY, true);
    }

    private static HttpFailure describe(DomainException failure) {
        DomainError error = failure.error();
        HttpStatus status = switch (error.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        if (error.kind() == DomainError.Kind.INVALID) {
            List<String> problems = failure.problems().isEmpty() ? List.of(error.message()) : failure.problems();
            return HttpFailure.of(status, problems);
        }
        if (error.kind() == DomainError.Kind.LIMITED) {
            HttpHeaders headers = new HttpHeaders();
            RetryAfter.set(headers, failure.retryAfter().orElse(Duration.ZERO));
            return new HttpFailure(status, error.message(), headers, false);
        }
        return HttpFailure.of(status, error.message());
    }

    private static void log(HttpFailure httpFailure, Throwable failure, ServerHttpRequest request, String requestId) {
        if (httpFailure.unexpected()) {
            log.error("Unhandled failure of {} {} (requestId={})", request.getMethod(), request.getPath(), requestId,
                    failure);
        } else if (httpFailure.status().is5xxServerError()) {
            log.warn("{} {} answered {} (requestId={})", request.getMethod(), request.getPath(),
                    httpFailure.status().value(), requestId, failure);
        } else {
            log.debug("{} {} answered {} (requestId={})", request.getMethod(), request.getPath(),
                    httpFailure.status().value(), requestId);
        }
    }
}
