package dev.inngest.step;

import dev.inngest.function.Match;
import dev.inngest.time.TimeString;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link Step#waitForEvent} waits for: an event name, a timeout, and optionally a condition relating
 * the awaited event ({@code async}) to the run's trigger event ({@code event}).
 *
 * <pre>{@code
 * WaitForEvent.event("stripe/payment.succeeded").timeout("1h").match("data.orderId")
 * WaitForEvent.event("app/approval").timeout(Duration.ofDays(3))
 *         .condition("async.data.requestId == event.data.id && async.data.approved == true")
 * }</pre>
 *
 * @param event the awaited event name
 * @param timeout how long to wait
 * @param condition the {@code if} expression, or null for the first such event
 */
public record WaitForEvent(String event, Duration timeout, String condition) {

    /** Checks the values. */
    public WaitForEvent {
        if (event == null || event.isBlank()) {
            throw new IllegalArgumentException("waitForEvent needs an event name, such as \"stripe/payment.succeeded\"");
        }
        Objects.requireNonNull(timeout, "waitForEvent needs a timeout, such as \"1h\"");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("waitForEvent timeout cannot be negative");
        }
        if (condition != null && condition.isBlank()) {
            throw new IllegalArgumentException("waitForEvent condition cannot be blank; leave it out instead");
        }
    }

    /**
     * Starts the description of the awaited event; a timeout is required.
     *
     * @param name the event name
     * @return a partial description; call {@code timeout} next
     */
    public static Partial event(String name) {
        return new Partial(name);
    }

    /**
     * Waits only for an event whose field equals the trigger's: {@code match("data.orderId")} is the
     * condition {@code event.data.orderId == async.data.orderId}.
     *
     * @param field a field path such as {@code data.orderId}
     * @return this description with the condition
     */
    public WaitForEvent match(String field) {
        return new WaitForEvent(event, timeout, Match.condition(field));
    }

    /**
     * @param condition an expression over {@code event} (the trigger) and {@code async} (the awaited event)
     * @return this description with the condition
     */
    public WaitForEvent condition(String condition) {
        return new WaitForEvent(event, timeout, condition);
    }

    /** An event name still waiting for its timeout. */
    public static final class Partial {
        private final String event;

        private Partial(String event) {
            this.event = event;
        }

        /**
         * @param timeout a time string such as {@code "1h"}
         * @return the description
         */
        public WaitForEvent timeout(String timeout) {
            return new WaitForEvent(event, TimeString.parse(timeout), null);
        }

        /**
         * @param timeout how long to wait
         * @return the description
         */
        public WaitForEvent timeout(Duration timeout) {
            return new WaitForEvent(event, timeout, null);
        }
    }
}
