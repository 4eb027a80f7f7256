package dev.inngest.function;

import java.time.Duration;

/**
 * Debounce: wait until no new event has arrived for {@code period}, then run once with the last event.
 *
 * <pre>{@code Debounce.of("5m").key("event.data.userId").timeout("30m")}</pre>
 *
 * @param period the quiet time, 1 second to 7 days
 * @param key an expression that debounces per value, or null
 * @param timeout the longest a run may be delayed, or null
 */
public record Debounce(Duration period, String key, Duration timeout) {

    /** Checks the values. */
    public Debounce {
        Options.between("debounce period", period, Duration.ofSeconds(1), Duration.ofDays(7));
        Options.expression("debounce key", key);
        if (timeout != null) {
            Options.between("debounce timeout", timeout, Duration.ofSeconds(1), Duration.ofDays(7));
        }
    }

    /**
     * @param period a time string such as {@code "5m"}
     * @return the debounce
     */
    public static Debounce of(String period) {
        return new Debounce(Options.time("debounce period", period), null, null);
    }

    /**
     * @param period the quiet time
     * @return the debounce
     */
    public static Debounce of(Duration period) {
        return new Debounce(period, null, null);
    }

    /**
     * @param key an expression such as {@code event.data.userId}
     * @return this debounce, per value of the key
     */
    public Debounce key(String key) {
        return new Debounce(period, key, timeout);
    }

    /**
     * @param timeout a time string: the longest a run may be delayed
     * @return this debounce with the timeout
     */
    public Debounce timeout(String timeout) {
        return new Debounce(period, key, Options.time("debounce timeout", timeout));
    }
}
