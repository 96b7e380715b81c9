package dev.carmarket.gatling.support;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;

/** The HTTP protocol every simulation uses: a JSON client of the service, one connection per virtual user. */
public final class CarmarketHttp {

    private CarmarketHttp() {
    }

    public static HttpProtocolBuilder protocol(LoadSettings settings) {
        return http.baseUrl(settings.baseUrl().toString())
                .acceptHeader("application/json")
                .userAgentHeader("carmarket-gatling");
    }
}
