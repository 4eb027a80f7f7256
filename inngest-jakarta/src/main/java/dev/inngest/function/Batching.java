package dev.inngest.function;

import java.time.Duration;

/**
 * Event batching: one run receives up to {@code maxSize} events, or what arrived within {@code timeout}.
 * Read them with {@link FunctionContext#events()}.
 *
 * <pre>{@code Batching.of(100, "5s").key("event.data.accountId")}</pre>
 *
 * @param maxSize the most events in one run
 * @param timeout how long to wait for a full batch, 1 to 60 seconds
 * @param key an expression that batches per value, or null
 * @param condition an expression an event must match to be batched (the {@code if} field), or null
 */
public record Batching(int maxSize, Duration timeout, String key, String condition) {

    /** Checks the values. */
    public Batching {
        Options.atLeast("batch max size", maxSize, 1);
        Options.between("batch timeout", timeout, Duration.ofSeconds(1), Duration.ofSeconds(60));
        Options.expression("batch key", key);
        Options.expression("batch condition", condition);
    }

    /**
     * @param maxSize the most events in one run
     * @param timeout a time string from {@code "1s"} to {@code "60s"}
     * @return the batching
     */
    public static Batching of(int maxSize, String timeout) {
        return new Batching(maxSize, Options.time("batch timeout", timeout), null, null);
    }

    /**
     * @param key an expression such as {@code event.data.accountId}
     * @return this batching, per value of the key
     */
    public Batching key(String key) {
        return new Batching(maxSize, timeout, key, condition);
    }

    /**
     * @param condition an expression such as {@code event.data.priority == 'low'}
     * @return this batching, for matching events only
     */
    public Batching condition(String condition) {
        return new Batching(maxSize, timeout, key, condition);
    }
}
