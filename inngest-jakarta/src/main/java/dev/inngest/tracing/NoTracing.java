package dev.inngest.tracing;

import java.util.function.BiConsumer;
import java.util.function.Function;

/** Tracing that records nothing: the default when no tracing library is present. */
final class NoTracing implements Tracing {

    static final NoTracing INSTANCE = new NoTracing();

    private NoTracing() {
    }

    @Override
    public TraceSpan request(String name, Function<String, String> headers) {
        return TraceSpan.NONE;
    }

    @Override
    public TraceSpan child(String name) {
        return TraceSpan.NONE;
    }

    @Override
    public TraceSpan send(String name) {
        return TraceSpan.NONE;
    }

    @Override
    public void inject(BiConsumer<String, String> header) {
    }

    @Override
    public boolean isActive() {
        return false;
    }
}
