package dev.inngest.api;

import static dev.inngest.api.LoopbackServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.inngest.Inngest;
import dev.inngest.InngestConfig;
import dev.inngest.tracing.TraceSpan;
import dev.inngest.tracing.Tracing;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Event sends open a send span and carry its trace context to Inngest, over real HTTP. */
class TracedSendRestClientTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final List<String> spans = new CopyOnWriteArrayList<>();
    private LoopbackServer server;
    private Inngest inngest;

    /** Records span names and failures; injects a fixed traceparent. */
    private final Tracing tracing = new Tracing() {
        @Override
        public TraceSpan request(String name, Function<String, String> headers) {
            return span(name);
        }

        @Override
        public TraceSpan child(String name) {
            return span(name);
        }

        @Override
        public TraceSpan send(String name) {
            return span(name);
        }

        @Override
        public void inject(BiConsumer<String, String> header) {
            header.accept("traceparent", TRACEPARENT);
        }

        private TraceSpan span(String name) {
            spans.add(name);
            return new TraceSpan() {
                @Override
                public TraceSpan set(String key, String value) {
                    return this;
                }

                @Override
                public TraceSpan set(String key, long value) {
                    spans.add(key + "=" + value);
                    return this;
                }

                @Override
                public void fail(Throwable error) {
                    spans.add("failed");
                }

                @Override
                public void fail(String description) {
                    spans.add("failed");
                }

                @Override
                public void close() {
                    spans.add("end");
                }
            };
        }
    };

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() throws IOException {
        if (inngest != null) {
            inngest.close();
        }
        server.close();
    }

    private Inngest inngest(Tracing t) {
        inngest = Inngest.builder(InngestConfig.builder("shop").dev(true).eventApiBaseUrl(server.baseUri())
                .readTimeout(Duration.ofMillis(500)).build())
                .sendRetries(RetryPolicy.defaults().withSleeper(d -> { }))
                .tracing(t).build();
        return inngest;
    }

    @Test
    void aSendHasASpanAndTheRequestCarriesItsTraceparent() {
        server.then(json(200, "{\"ids\":[\"01A\"],\"status\":200}"));
        inngest(tracing).send("shop/order.created", Map.of("orderId", "o-1"));
        assertEquals(List.of(Tracing.SPAN_SEND, Tracing.EVENT_COUNT + "=1", "end"), spans);
        assertEquals(TRACEPARENT, server.requests().get(0).header("traceparent"));
    }

    @Test
    void aRefusedSendFailsItsSpan() {
        server.then(json(400, "{\"error\":\"bad event\"}"));
        assertThrows(EventSendException.class, () -> inngest(tracing).send("shop/order.created", Map.of()));
        assertEquals(List.of(Tracing.SPAN_SEND, Tracing.EVENT_COUNT + "=1", "failed", "end"), spans);
    }

    @Test
    void withoutTracingNoTraceparentIsSent() {
        server.then(json(200, "{\"ids\":[\"01A\"],\"status\":200}"));
        inngest(Tracing.none()).send("shop/order.created", Map.of());
        assertNull(server.requests().get(0).header("traceparent"));
    }
}
