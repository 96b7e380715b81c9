package dev.carmarket.bootstrap.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A complete production environment for the process tests, and a plain HTTP GET against the process. */
final class ProductionEnvironment {

    static final String INTERNAL_TOKEN = "it-internal-token-0123456789-abcdefghij";
    static final String WEBHOOK_SECRET = "it-webhook-secret-0123456789-abcdefghij";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ProductionEnvironment() {
    }

    static Map<String, String> of(int port, String databaseUrl) {
        Map<String, String> environment = new HashMap<>();
        environment.put("APP_ENV", "production");
        environment.put("PORT", Integer.toString(port));
        environment.put("DATABASE_URL", databaseUrl);
        environment.put("DATABASE_POOL_MAX", "4");
        environment.put("CORS_ALLOWED_ORIGINS", "https://shop.example");
        environment.put("TRUST_PROXY", "127.0.0.1");
        environment.put("INTERNAL_TOKEN", INTERNAL_TOKEN);
        environment.put("PAYMENT_WEBHOOK_SECRET", WEBHOOK_SECRET);
        environment.put("SHUTDOWN_GRACE_PERIOD", "2s");
        return environment;
    }

    static HttpResponse<String> get(int port, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
