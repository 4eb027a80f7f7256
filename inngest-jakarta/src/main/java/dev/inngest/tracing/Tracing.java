package dev.inngest.tracing;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SDK's tracing, kept free of any tracing library: a span per request to the serve endpoint, a child span
 * per executed step, a span per event send. The core only talks to this interface; the
 * {@code inngest-opentelemetry} module implements it on the OpenTelemetry API (MicroProfile Telemetry) and is
 * found at run time through {@link ServiceLoader}. Without it, {@link #none()} records nothing.
 */
public interface Tracing {

    /** Attribute: the function id, as given in code. */
    String FUNCTION_ID = "inngest.function.id";
    /** Attribute: the run id. */
    String RUN_ID = "inngest.run.id";
    /** Attribute: the 0-based attempt. */
    String ATTEMPT = "inngest.attempt";
    /** Attribute: the step id, as given in code (for a request span: the hashed step id Inngest asked for). */
    String STEP_ID = "inngest.step.id";
    /** Attribute: the op, e.g. {@code StepRun}, {@code StepPlanned}, {@code Sleep}, {@code RunComplete}. */
    String OP = "inngest.op";
    /** Attribute: the app id. */
    String APP_ID = "inngest.app.id";
    /** Attribute: the HTTP status of an answer. */
    String HTTP_STATUS = "http.response.status_code";
    /** Attribute: the number of events sent. */
    String EVENT_COUNT = "inngest.event.count";

    /** Span name of a call of a function. */
    String SPAN_CALL = "inngest.call";
    /** Span name of an executed step. */
    String SPAN_STEP = "inngest.step";
    /** Span name of an event send. */
    String SPAN_SEND = "inngest.send";

    /**
     * Opens the span of one request to the serve endpoint. It continues the current trace when there is one
     * (the server's own instrumentation), else the W3C {@code traceparent} of the request's headers.
     *
     * @param name the span name, e.g. {@link #SPAN_CALL} or {@code inngest.sync}
     * @param headers the request's headers, by case-insensitive name (null when absent)
     * @return the open span, now current
     */
    TraceSpan request(String name, Function<String, String> headers);

    /**
     * Opens a child of the current span.
     *
     * @param name the span name, e.g. {@link #SPAN_STEP}
     * @return the open span, now current
     */
    TraceSpan child(String name);

    /**
     * Opens the span of an event send, a child of the current span.
     *
     * @param name the span name, e.g. {@link #SPAN_SEND}
     * @return the open span, now current
     */
    TraceSpan send(String name);

    /**
     * Writes the current trace context ({@code traceparent}, ...) into an outgoing request.
     *
     * @param header receives each header name and value
     */
    void inject(BiConsumer<String, String> header);

    /** @return true when spans are recorded somewhere; false for {@link #none()} */
    default boolean isActive() {
        return true;
    }

    /** @return tracing that records nothing */
    static Tracing none() {
        return NoTracing.INSTANCE;
    }

    /**
     * Finds a tracing implementation on the class path ({@code META-INF/services/dev.inngest.tracing.Tracing}),
     * such as the one of {@code inngest-opentelemetry}. An implementation whose library is missing (its classes
     * do not load) is skipped.
     *
     * @return the first implementation that loads, or {@link #none()}
     */
    static Tracing discover() {
        Logger log = Logger.getLogger(Tracing.class.getName());
        try {
            for (ServiceLoader.Provider<Tracing> p : ServiceLoader.load(Tracing.class, Tracing.class.getClassLoader())
                    .stream().toList()) {
                try {
                    Tracing t = p.get();
                    log.fine(() -> "INNGEST-T001 tracing with " + t.getClass().getName());
                    return t;
                } catch (ServiceConfigurationError | LinkageError | RuntimeException unavailable) {
                    log.log(Level.FINE, "INNGEST-T002 a tracing implementation is on the class path but cannot "
                            + "start (is the OpenTelemetry API available, e.g. MicroProfile Telemetry?)", unavailable);
                }
            }
        } catch (ServiceConfigurationError | LinkageError unavailable) {
            log.log(Level.FINE, "INNGEST-T002 tracing implementations could not be listed", unavailable);
        }
        return none();
    }
}
