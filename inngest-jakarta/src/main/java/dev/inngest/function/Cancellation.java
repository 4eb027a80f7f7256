package dev.inngest.function;

import java.time.Duration;

/**
 * Cancels a run when a matching event arrives.
 *
 * <pre>{@code
 * Cancellation.onEvent("shop/order.cancelled").match("data.orderId")
 * Cancellation.onEvent("app/user.deleted").condition("event.data.userId == async.data.id").timeout("7d")
 * }</pre>
 *
 * @param event the event that cancels
 * @param condition the {@code if} expression; {@code event} is the run's trigger, {@code async} the
 *     cancelling event; null cancels on any such event
 * @param timeout how long after the run starts the cancellation applies, or null
 */
public record Cancellation(String event, String condition, Duration timeout) {

    /** Checks the values. */
    public Cancellation {
        if (event == null || event.isBlank()) {
            throw new IllegalArgumentException("a cancellation needs an event name, such as \"shop/order.cancelled\"");
        }
        Options.expression("cancellation condition", condition);
        if (timeout != null) {
            Options.positive("cancellation timeout", timeout);
        }
    }

    /**
     * @param event the event name that cancels the run
     * @return a cancellation on any such event
     */
    public static Cancellation onEvent(String event) {
        return new Cancellation(event, null, null);
    }

    /**
     * Cancels only when the field is equal in both events: {@code match("data.orderId")} is the condition
     * {@code event.data.orderId == async.data.orderId}.
     *
     * @param field a field path such as {@code data.orderId}
     * @return this cancellation with the condition
     */
    public Cancellation match(String field) {
        return new Cancellation(event, Match.condition(field), timeout);
    }

    /**
     * @param condition an expression over {@code event} and {@code async}
     * @return this cancellation with the condition
     */
    public Cancellation condition(String condition) {
        return new Cancellation(event, condition, timeout);
    }

    /**
     * @param timeout a time string such as {@code "7d"}
     * @return this cancellation with the timeout
     */
    public Cancellation timeout(String timeout) {
        return new Cancellation(event, condition, Options.time("cancellation timeout", timeout));
    }
}
