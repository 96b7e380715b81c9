package dev.carmarket.adapters.web.health;

import dev.carmarket.adapters.web.http.Route;
import dev.carmarket.adapters.web.http.WebJson;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /health/live}: the process serves HTTP, nothing else is checked, so a database outage
 * or an exhausted pool never restarts a healthy process. {@code GET /health/ready}: whether this
 * instance should get traffic now (the {@link ReadinessProbe}); 503 when not. Who may call the
 * latter is the internal-endpoint guard's business, not this handler's.
 */
public final class HealthHandler {

    public static final String LIVE_PATH = "/health/live";
    public static final String READY_PATH = "/health/ready";

    private static final String UP = "UP";
    private static final String DOWN = "DOWN";

    private static final ReadinessReport PROBE_FAILED =
            ReadinessReport.of(ReadinessCheck.down("probe", "probe failed"));

    private static final Logger log = LoggerFactory.getLogger(HealthHandler.class);

    private final ReadinessProbe probe;
    private final WebJson json;
    private final byte[] liveBody;

    public HealthHandler(ReadinessProbe probe, ServiceRelease release, WebJson json) {
        this.probe = probe;
        this.json = json;
        // Built once: liveness is polled every second and must cost next to nothing.
        this.liveBody = json.write(new LivenessResponse(UP, release.version()));
    }

    public List<Route> routes() {
        return List.of(
                new Route(HttpMethod.GET, LIVE_PATH, this::live),
                new Route(HttpMethod.GET, READY_PATH, this::ready));
    }

    Mono<ServerResponse> live(ServerRequest request) {
        return respond(HttpStatus.OK, liveBody);
    }

    Mono<ServerResponse> ready(ServerRequest request) {
        return probe.check()
                // A probe that fails instead of reporting is still "not ready", never a 500.
                .onErrorResume(failure -> {
                    log.warn("Readiness probe failed", failure);
                    return Mono.empty();
                })
                .defaultIfEmpty(PROBE_FAILED)
                .flatMap(report -> respond(report.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE,
                        json.write(ReadinessResponse.of(report))));
    }

    static String status(boolean up) {
        return up ? UP : DOWN;
    }

    /** Health answers are about this moment: never cached by a proxy. */
    private static Mono<ServerResponse> respond(HttpStatus status, byte[] body) {
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .bodyValue(body);
    }
}
