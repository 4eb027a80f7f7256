package dev.inngest.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.Inngest;
import dev.inngest.InngestConfig;
import dev.inngest.api.InngestApi;
import dev.inngest.execution.StepIds;
import dev.inngest.function.FunctionOptions;
import dev.inngest.protocol.ServeRequest;
import dev.inngest.protocol.ServeResponse;
import dev.inngest.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spans of a multi-step run, traceparent continuation, and traced event sends, on the OpenTelemetry SDK. */
class OpenTelemetryTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String REMOTE_SPAN = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + REMOTE_SPAN + "-01";
    private static final String RUN_ID = "01HRUN0000000000000000000R";

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private final Map<String, String> sentHeaders = new ConcurrentHashMap<>();
    private final Tracing tracing = new OpenTelemetryTracing(otel);
    private final Inngest inngest = Inngest.builder(InngestConfig.builder("shop").dev(true).build())
            .api(InngestApi.unavailable())
            .events(batch -> {
                tracing.inject(sentHeaders::put);
                return List.of("01EVT1");
            })
            .tracing(tracing)
            .build();

    OpenTelemetryTracingTest() {
        inngest.createFunction(FunctionOptions.builder("steps").triggerEvent("shop/order.created").build(), (ctx, step) -> {
            int a = step.run("first", Integer.class, () -> 1);
            int b = step.run("second", Integer.class, () -> a + 1);
            return a + b;
        });
        inngest.createFunction(FunctionOptions.builder("fails").triggerEvent("shop/order.created").build(), (ctx, step) ->
                step.run("charge", Integer.class, () -> {
                    throw new IllegalStateException("card declined");
                }));
    }

    @AfterEach
    void close() {
        tracerProvider.close();
    }

    @Test
    void aMultiStepRunHasOneSpanPerExecutedStepUnderItsRequestSpan() {
        assertEquals(206, call("steps", "step", "{}", 0, Map.of("traceparent", TRACEPARENT)).status());
        assertEquals(206, call("steps", "step", "{\"" + sha1("first") + "\":{\"data\":1}}", 0, Map.of()).status());
        assertEquals(200, call("steps", "step",
                "{\"" + sha1("first") + "\":{\"data\":1},\"" + sha1("second") + "\":{\"data\":2}}", 0, Map.of()).status());

        List<SpanData> steps = named(Tracing.SPAN_STEP);
        assertEquals(List.of("first", "second"), steps.stream().map(s -> attr(s, Tracing.STEP_ID)).toList(),
                "replayed steps have no span");
        List<SpanData> calls = named(Tracing.SPAN_CALL);
        assertEquals(3, calls.size());
        for (int i = 0; i < 2; i++) {
            SpanData step = steps.get(i);
            SpanData call = calls.get(i);
            assertEquals(call.getSpanId(), step.getParentSpanId(), "a step span is a child of its request's span");
            assertEquals(call.getTraceId(), step.getTraceId());
            assertEquals(SpanKind.INTERNAL, step.getKind());
            assertEquals("steps", attr(step, Tracing.FUNCTION_ID));
            assertEquals(RUN_ID, attr(step, Tracing.RUN_ID));
            assertEquals(0L, step.getAttributes().get(AttributeKey.longKey(Tracing.ATTEMPT)));
            assertEquals("StepRun", attr(step, Tracing.OP));
            assertEquals(StatusCode.UNSET, step.getStatus().getStatusCode());
        }
        SpanData first = calls.get(0);
        assertEquals(SpanKind.SERVER, first.getKind());
        assertEquals("steps", attr(first, Tracing.FUNCTION_ID));
        assertEquals(RUN_ID, attr(first, Tracing.RUN_ID));
        assertEquals("step", attr(first, Tracing.STEP_ID));
        assertEquals("StepRun", attr(first, Tracing.OP));
        assertEquals(206L, first.getAttributes().get(AttributeKey.longKey(Tracing.HTTP_STATUS)));
        assertEquals("RunComplete", attr(calls.get(2), Tracing.OP));
    }

    @Test
    void theIncomingTraceparentIsContinued() {
        call("steps", "step", "{}", 0, Map.of("traceparent", TRACEPARENT));
        SpanData request = named(Tracing.SPAN_CALL).get(0);
        assertEquals(TRACE_ID, request.getTraceId());
        assertEquals(REMOTE_SPAN, request.getParentSpanId());
        assertTrue(request.getParentSpanContext().isRemote());
        assertEquals(TRACE_ID, named(Tracing.SPAN_STEP).get(0).getTraceId());
    }

    @Test
    void aSpanAlreadyCurrentIsContinuedInsteadOfTheHeader() {
        Span server = otel.getTracer("runtime").spanBuilder("POST /api/inngest").setSpanKind(SpanKind.SERVER).startSpan();
        Scope scope = server.makeCurrent();
        try {
            call("steps", "step", "{}", 0, Map.of("traceparent", TRACEPARENT));
        } finally {
            scope.close();
            server.end();
        }
        SpanData request = named(Tracing.SPAN_CALL).get(0);
        assertEquals(server.getSpanContext().getSpanId(), request.getParentSpanId());
        assertEquals(SpanKind.INTERNAL, request.getKind(), "the runtime's span is the server span");
        assertFalse(Span.current().getSpanContext().isValid(), "every scope was closed");
    }

    @Test
    void aFailingStepSpanHasErrorStatusAndTheException() {
        call("fails", "step", "{}", 1, Map.of());
        SpanData step = named(Tracing.SPAN_STEP).get(0);
        assertEquals("charge", attr(step, Tracing.STEP_ID));
        assertEquals(1L, step.getAttributes().get(AttributeKey.longKey(Tracing.ATTEMPT)));
        assertEquals(StatusCode.ERROR, step.getStatus().getStatusCode());
        assertEquals("IllegalStateException: card declined", step.getStatus().getDescription());
        assertEquals("exception", step.getEvents().get(0).getName());
        assertEquals("StepError", attr(named(Tracing.SPAN_CALL).get(0), Tracing.OP));
    }

    @Test
    void eventSendsHaveASpanWhoseContextGoesOutInTheTraceparent() {
        inngest.send("shop/order.created", Map.of("orderId", "o-1"));
        SpanData send = named(Tracing.SPAN_SEND).get(0);
        assertEquals(SpanKind.PRODUCER, send.getKind());
        assertEquals(1L, send.getAttributes().get(AttributeKey.longKey(Tracing.EVENT_COUNT)));
        assertEquals("00-" + send.getTraceId() + "-" + send.getSpanId() + "-01", sentHeaders.get("traceparent"));
    }

    @Test
    void stepSendEventIsTracedUnderItsStep() {
        inngest.createFunction(FunctionOptions.builder("fan-out").triggerEvent("shop/order.created").build(),
                (ctx, step) -> step.sendEvent("notify", dev.inngest.event.Event.of("shop/notify", Map.of())));
        call("fan-out", "step", "{}", 0, Map.of());
        SpanData step = named(Tracing.SPAN_STEP).get(0);
        SpanData send = named(Tracing.SPAN_SEND).get(0);
        assertEquals(step.getSpanId(), send.getParentSpanId());
    }

    @Test
    void theServiceLoaderFindsThisModule() {
        assertInstanceOf(OpenTelemetryTracing.class, Tracing.discover());
        assertTrue(Tracing.discover().isActive());
    }

    private ServeResponse call(String fn, String stepId, String steps, int attempt, Map<String, String> headers) {
        String body = "{\"event\":{\"name\":\"shop/order.created\",\"data\":{},\"id\":\"e1\",\"ts\":1700000000000},"
                + "\"events\":[{\"name\":\"shop/order.created\",\"data\":{},\"id\":\"e1\",\"ts\":1700000000000}],"
                + "\"steps\":" + steps + ",\"ctx\":{\"run_id\":\"" + RUN_ID + "\",\"attempt\":" + attempt
                + ",\"max_attempts\":3,\"stack\":{\"stack\":[]}},\"version\":2}";
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.put("Content-Type", "application/json");
        h.putAll(headers);
        return inngest.handler().handle(new ServeRequest("POST",
                URI.create("http://localhost/api/inngest?fnId=shop-" + fn + "&stepId=" + stepId), h,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private List<SpanData> named(String name) {
        return exporter.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name))
                .sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos())).toList();
    }

    private static String attr(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }

    private static String sha1(String text) {
        return new StepIds().hash(text);
    }
}
