package dev.inngest.opentelemetry;

import dev.inngest.Sdk;
import dev.inngest.tracing.TraceSpan;
import dev.inngest.tracing.Tracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link Tracing} on the OpenTelemetry API, as MicroProfile Telemetry provides it.
 *
 * <ul>
 * <li>A request span continues the current span (the runtime's own JAX-RS server span), or else the W3C
 * {@code traceparent} of the request; it is a {@code SERVER} span only when it starts the server side.</li>
 * <li>Step and send spans are children of the current span; send spans are {@code PRODUCER} spans and their
 * context goes out in the event request's {@code traceparent}.</li>
 * <li>Headers are read and written with the runtime's configured propagators, or W3C Trace Context when none
 * is configured.</li>
 * </ul>
 *
 * <p>Found through {@link java.util.ServiceLoader} by {@link Tracing#discover()}: adding this module to a WAR is
 * enough. Pass an instance to {@code Inngest.Builder.tracing} to choose the {@link OpenTelemetry} yourself.
 */
public final class OpenTelemetryTracing implements Tracing {

    /** The instrumentation scope name of the SDK's spans. */
    public static final String SCOPE = "dev.inngest";

    private static final TextMapGetter<Function<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Function<String, String> carrier) {
            return List.of();
        }

        @Override
        public String get(Function<String, String> carrier, String key) {
            return carrier == null ? null : carrier.apply(key);
        }
    };

    private final Supplier<OpenTelemetry> source;
    private volatile OpenTelemetry openTelemetry;
    private volatile Tracer tracer;

    /**
     * For {@link java.util.ServiceLoader}: uses the runtime's {@link OpenTelemetry}, looked up on first use (the
     * CDI bean of MicroProfile Telemetry, else {@code GlobalOpenTelemetry}).
     *
     * @throws NoClassDefFoundError when the OpenTelemetry API is not visible to the application, so that
     *         {@link Tracing#discover()} skips this implementation
     */
    public OpenTelemetryTracing() {
        this(OpenTelemetryLookup::find);
        OpenTelemetryLookup.requireApi();
    }

    /**
     * @param openTelemetry the OpenTelemetry to record spans with
     */
    public OpenTelemetryTracing(OpenTelemetry openTelemetry) {
        this(() -> openTelemetry);
        Objects.requireNonNull(openTelemetry, "openTelemetry");
    }

    private OpenTelemetryTracing(Supplier<OpenTelemetry> source) {
        this.source = source;
    }

    @Override
    public TraceSpan request(String name, Function<String, String> headers) {
        Context current = Context.current();
        boolean inTrace = Span.fromContext(current).getSpanContext().isValid();
        Context parent = inTrace ? current : propagator().extract(current, headers, HEADERS);
        return start(name, parent, inTrace ? SpanKind.INTERNAL : SpanKind.SERVER);
    }

    @Override
    public TraceSpan child(String name) {
        return start(name, Context.current(), SpanKind.INTERNAL);
    }

    @Override
    public TraceSpan send(String name) {
        return start(name, Context.current(), SpanKind.PRODUCER);
    }

    @Override
    public void inject(BiConsumer<String, String> header) {
        propagator().inject(Context.current(), header, (carrier, key, value) -> carrier.accept(key, value));
    }

    private TraceSpan start(String name, Context parent, SpanKind kind) {
        Span span = tracer().spanBuilder(name).setParent(parent).setSpanKind(kind).startSpan();
        return new OpenTelemetrySpan(span, parent.with(span).makeCurrent());
    }

    private TextMapPropagator propagator() {
        TextMapPropagator configured = openTelemetry().getPropagators().getTextMapPropagator();
        return configured.fields().isEmpty() ? W3CTraceContextPropagator.getInstance() : configured;
    }

    private OpenTelemetry openTelemetry() {
        OpenTelemetry o = openTelemetry;
        if (o == null) {
            o = source.get();
            openTelemetry = o;
        }
        return o;
    }

    private Tracer tracer() {
        Tracer t = tracer;
        if (t == null) {
            t = openTelemetry().getTracer(SCOPE, Sdk.VERSION);
            tracer = t;
        }
        return t;
    }
}
