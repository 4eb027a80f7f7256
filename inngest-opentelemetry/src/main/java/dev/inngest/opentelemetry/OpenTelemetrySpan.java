package dev.inngest.opentelemetry;

import dev.inngest.tracing.TraceSpan;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/** A {@link TraceSpan} backed by an OpenTelemetry span that is current until closed. */
final class OpenTelemetrySpan implements TraceSpan {

    private final Span span;
    private final Scope scope;

    OpenTelemetrySpan(Span span, Scope scope) {
        this.span = span;
        this.scope = scope;
    }

    @Override
    public TraceSpan set(String key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
        return this;
    }

    @Override
    public TraceSpan set(String key, long value) {
        span.setAttribute(key, value);
        return this;
    }

    @Override
    public void fail(Throwable error) {
        span.recordException(error);
        span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage()));
    }

    @Override
    public void fail(String description) {
        span.setStatus(StatusCode.ERROR, description);
    }

    @Override
    public void close() {
        scope.close();
        span.end();
    }
}
