package dev.inngest;

import dev.inngest.event.Event;
import dev.inngest.event.EventSender;
import dev.inngest.tracing.TraceSpan;
import dev.inngest.tracing.Tracing;
import java.util.List;

/** Opens a span around every send of another {@link EventSender}. */
final class TracedEvents implements EventSender {

    private final EventSender events;
    private final Tracing tracing;

    TracedEvents(EventSender events, Tracing tracing) {
        this.events = events;
        this.tracing = tracing;
    }

    @Override
    public List<String> send(List<Event> batch) throws Exception {
        try (TraceSpan span = tracing.send(Tracing.SPAN_SEND)) {
            span.set(Tracing.EVENT_COUNT, batch == null ? 0 : batch.size());
            try {
                return events.send(batch);
            } catch (Exception | Error e) {
                span.fail(e);
                throw e;
            }
        }
    }
}
