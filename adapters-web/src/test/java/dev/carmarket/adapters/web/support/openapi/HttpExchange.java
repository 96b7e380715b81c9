package dev.carmarket.adapters.web.support.openapi;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** One request and the answer it got, as sent and received over the wire. */
public record HttpExchange(HttpMethod method, URI uri, HttpHeaders requestHeaders, byte[] requestBody, int status,
        HttpHeaders responseHeaders, byte[] responseBody) {

    public HttpExchange {
        requestBody = requestBody == null ? new byte[0] : requestBody;
        responseBody = responseBody == null ? new byte[0] : responseBody;
    }

    public static HttpExchange of(EntityExchangeResult<byte[]> result) {
        return new HttpExchange(result.getMethod(), result.getUrl(), result.getRequestHeaders(),
                result.getRequestBodyContent(), result.getStatus().value(), result.getResponseHeaders(),
                result.getResponseBody());
    }

    /** The decoded path, without the query. */
    public String path() {
        return UriUtils.decode(uri.getRawPath(), StandardCharsets.UTF_8);
    }

    /** The first value of a query parameter, decoded; null when absent. */
    public String queryParameter(String name) {
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(uri).build().getQueryParams();
        List<String> values = query.get(UriUtils.encodeQueryParam(name, StandardCharsets.UTF_8));
        return values == null || values.isEmpty() || values.get(0) == null ? null
                : UriUtils.decode(values.get(0), StandardCharsets.UTF_8);
    }

    /** A browser's CORS preflight: the contract describes those apart from its operations. */
    public boolean corsPreflight() {
        return HttpMethod.OPTIONS.equals(method)
                && requestHeaders.containsHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
    }

    @Override
    public String toString() {
        return method + " " + uri.getRawPath() + " -> " + status + " "
                + new String(responseBody, StandardCharsets.UTF_8);
    }
}
