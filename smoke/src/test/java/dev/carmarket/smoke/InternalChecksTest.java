package dev.carmarket.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InternalChecksTest {

    @Test
    void seriesNamesAreTakenFromSampleLinesOnly() {
        String exposition = """
                # HELP readiness_status 1 when ready
                # TYPE readiness_status gauge
                readiness_status 1.0
                http_server_requests_seconds_count{method="GET",uri="/health/live"} 3

                jvm_threads_live_threads 21
                """;

        assertThat(InternalChecks.seriesNames(exposition)).containsExactlyInAnyOrder("readiness_status",
                "http_server_requests_seconds_count", "jvm_threads_live_threads");
    }
}
