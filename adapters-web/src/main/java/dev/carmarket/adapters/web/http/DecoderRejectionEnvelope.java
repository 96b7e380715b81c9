package dev.carmarket.adapters.web.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatusCode;

/**
 * Puts Reactor Netty's own rejections into the contract's error envelope. A request line over
 * {@code server.netty.max-initial-line-length} (414), headers over {@code max-http-request-header-size}
 * (431) or an unparsable request (400) never reach WebFlux: the HTTP decoder answers them itself with an
 * empty body, no {@code X-Request-Id} and none of the security headers. This outbound handler, placed
 * right after the HTTP codec, recognises such an answer (a rejection status, no body, no request id: every
 * response of the application has both) and writes the envelope in its place, still closing the connection.
 */
@ChannelHandler.Sharable
public final class DecoderRejectionEnvelope extends ChannelOutboundHandlerAdapter {

    /** The pipeline name of this handler. */
    public static final String NAME = "carmarket.decoderRejectionEnvelope";

    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "Malformed HTTP request",
            413, "Request too large",
            414, "Request line too long (URL and query over the server's limit)",
            431, "Request header fields too large");

    private final WebJson json;

    public DecoderRejectionEnvelope(WebJson json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof FullHttpResponse response && isDecoderRejection(response)) {
            FullHttpResponse envelope = envelopeFor(response);
            response.release();
            ctx.write(envelope, promise);
            return;
        }
        ctx.write(msg, promise);
    }

    static boolean isDecoderRejection(FullHttpResponse response) {
        return MESSAGES.containsKey(response.status().code())
                && !response.content().isReadable()
                && !response.headers().contains(RequestIds.HEADER);
    }

    private FullHttpResponse envelopeFor(FullHttpResponse rejection) {
        int status = rejection.status().code();
        String requestId = RequestIds.newId();
        byte[] body = json.write(new ErrorEnvelope(status, MESSAGES.get(status),
                ReasonPhrases.of(HttpStatusCode.valueOf(status)), requestId));
        FullHttpResponse envelope = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, rejection.status(),
                Unpooled.wrappedBuffer(body));
        HttpHeaders headers = envelope.headers();
        SecurityHeaders.BASELINE.forEach(headers::set);
        headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(RequestIds.HEADER, requestId)
                // The decoder's state is unknown after such a request: the connection ends, as it would have.
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return envelope;
    }
}
