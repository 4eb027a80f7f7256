package dev.inngest.event;

import java.util.List;

/** Sends events to Inngest; {@link dev.inngest.Inngest} is one, test engines bring their own. */
@FunctionalInterface
public interface EventSender {

    /**
     * Sends events in one request.
     *
     * @param events the events, at least one
     * @return the ids Inngest gave them, in order
     * @throws Exception when the events could not be delivered
     */
    List<String> send(List<Event> events) throws Exception;
}
