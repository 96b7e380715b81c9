package dev.carmarket.adapters.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DecoderRejectionEnvelopeTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new DecoderRejectionEnvelope(new WebJson()));

    @ParameterizedTest
    @CsvSource({
            "431, Request Header Fields Too Large",
            "414, URI Too Long",
            "400, Bad Request",
            "413, Payload Too Large"})
    void theDecodersEmptyRejectionBecomesTheEnvelopeWithCorrelationAndSecurityHeaders(int status, String error) {
        FullHttpResponse rejection = decoderRejection(HttpResponseStatus.valueOf(status));

        channel.writeOutbound(rejection);
        FullHttpResponse written = channel.readOutbound();

        assertThat(rejection.refCnt()).as("the original is released").isZero();
        assertThat(written.status().code()).isEqualTo(status);
        assertThat(written.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(written.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
        String body = written.content().toString(StandardCharsets.UTF_8);
        assertThat(written.headers().getInt(HttpHeaderNames.CONTENT_LENGTH))
                .isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        SecurityHeaders.BASELINE.forEach((name, value) -> assertThat(written.headers().get(name)).as(name).isEqualTo(value));
        JsonNode envelope = JsonMapper.builder().build().readTree(body);
        assertThat(envelope.path("statusCode").asInt()).isEqualTo(status);
        assertThat(envelope.path("error").asString()).isEqualTo(error);
        assertThat(envelope.path("message").asString()).isNotBlank();
        assertThat(envelope.path("requestId").asString()).isEqualTo(written.headers().get(RequestIds.HEADER)).isNotBlank();
        written.release();
    }

    @Test
    void theApplicationsOwnAnswersPassUntouched() {
        FullHttpResponse applicationError = decoderRejection(HttpResponseStatus.BAD_REQUEST);
        applicationError.headers().set(RequestIds.HEADER, "abc");
        FullHttpResponse withBody = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8));
        FullHttpResponse success = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);

        for (FullHttpResponse response : new FullHttpResponse[] {applicationError, withBody, success}) {
            channel.writeOutbound(response);
            assertThat((Object) channel.readOutbound()).isSameAs(response);
            response.release();
        }
    }

    private static FullHttpResponse decoderRejection(HttpResponseStatus status) {
        // What Reactor Netty's HttpServerOperations.sendDecodingFailures writes.
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0).set(HttpHeaderNames.CONNECTION, "close");
        return response;
    }
}
