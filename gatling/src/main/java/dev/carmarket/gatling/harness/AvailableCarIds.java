package dev.carmarket.gatling.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Distinct ids of AVAILABLE cars, fetched through {@code GET /car-details/search} before the load
 * starts: each order-flow virtual user takes one, so no two orders compete for a car and every
 * order can succeed (a failed order is then a real failure, not a test artefact).
 */
public final class AvailableCarIds {

    static final int PAGE_SIZE = 100;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI baseUrl;

    public AvailableCarIds(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * @param sort a search sort order; distinct simulations of one run may use distinct orders, but
     *             cars ordered earlier are no longer AVAILABLE anyway
     * @throws IllegalStateException when the service answers with an error or has too few cars
     */
    public List<String> fetch(int count, String sort) {
        Set<String> ids = new LinkedHashSet<>();
        for (int page = 1; ids.size() < count; page++) {
            JsonNode data = page(page, sort).path("data");
            if (data.isEmpty()) {
                throw new IllegalStateException("the service has only " + ids.size() + " AVAILABLE cars, "
                        + count + " are needed for the order flows");
            }
            data.forEach(car -> ids.add(car.path("id").asString()));
        }
        return new ArrayList<>(ids).subList(0, count);
    }

    private JsonNode page(int page, String sort) {
        URI uri = baseUrl.resolve("/car-details/search?limit=" + PAGE_SIZE + "&sort=" + sort + "&page=" + page);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException unreachable) {
            throw new IllegalStateException("GET " + uri + " failed: " + unreachable, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching car ids", interrupted);
        }
    }
}
