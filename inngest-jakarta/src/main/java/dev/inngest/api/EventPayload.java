package dev.inngest.api;

import dev.inngest.event.Event;
import dev.inngest.json.JsonMapper;
import dev.inngest.json.Jsonp;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The body of one event send: a JSON array, every event with a timestamp, checked against Inngest's limits. */
final class EventPayload {

    /** The most events Inngest takes in one request. */
    static final int MAX_EVENTS = 5000;
    /** The largest request body sent (3 MiB, the server's absolute limit for one event). */
    static final int MAX_REQUEST_SIZE = 3 * 1024 * 1024;

    private EventPayload() {
    }

    /**
     * @param events the events, at least one
     * @param now the timestamp of events without one, in epoch milliseconds
     * @param maxEventSize the largest event, in bytes of JSON
     * @return the JSON array
     * @throws EventSendException if there are too many events or they are too large
     * @throws IllegalArgumentException if there are none
     */
    static String of(List<Event> events, long now, int maxEventSize) {
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("send at least one event");
        }
        if (events.size() > MAX_EVENTS) {
            throw refused("INNGEST-V002 " + events.size() + " events in one send; Inngest takes at most "
                    + MAX_EVENTS + " per request: send them in smaller batches");
        }
        StringBuilder body = new StringBuilder("[");
        long size = 2;
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e == null) {
                throw new IllegalArgumentException("event #" + (i + 1) + " of " + events.size() + " is null");
            }
            JsonObject json = e.toJson();
            if (!json.containsKey("ts")) {
                json = Jsonp.createObjectBuilder(json).add("ts", now).build();
            }
            String text = JsonMapper.write(json);
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxEventSize) {
                throw refused("INNGEST-V003 event #" + (i + 1) + " (\"" + e.name() + "\") is " + bytes
                        + " bytes of JSON; the limit is " + maxEventSize + " bytes: send less data (store it "
                        + "elsewhere and send a reference), or raise InngestConfig.Builder.maxEventSize if your "
                        + "Inngest account accepts larger events");
            }
            size += bytes + (i == 0 ? 0 : 1);
            if (size > MAX_REQUEST_SIZE) {
                throw refused("INNGEST-V004 the " + events.size() + " events come to more than "
                        + MAX_REQUEST_SIZE + " bytes of JSON in one request (passed at event #" + (i + 1)
                        + "): send them in smaller batches");
            }
            if (i > 0) {
                body.append(',');
            }
            body.append(text);
        }
        return body.append(']').toString();
    }

    private static EventSendException refused(String message) {
        return new EventSendException(message, 0, null, 0, null);
    }
}
