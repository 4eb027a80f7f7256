package dev.inngest.function;

import java.time.Duration;

/**
 * Throttle: at most {@code limit} runs start per {@code period}; later runs wait their turn (nothing is
 * skipped). {@code burst} allows extra runs at once.
 *
 * <pre>{@code Throttle.of(10, "1m").burst(2).key("event.data.customerId")}</pre>
 *
 * @param limit runs per period
 * @param period the window, 1 second to 7 days
 * @param key an expression that throttles per value, or null
 * @param burst how many runs may start at once, or null for the default (1)
 */
public record Throttle(int limit, Duration period, String key, Integer burst) {

    /** Checks the values. */
    public Throttle {
        Options.atLeast("throttle limit", limit, 1);
        Options.between("throttle period", period, Duration.ofSeconds(1), Duration.ofDays(7));
        Options.expression("throttle key", key);
        if (burst != null) {
            Options.atLeast("throttle burst", burst, 1);
        }
    }

    /**
     * @param limit runs per period
     * @param period a time string such as {@code "1m"}
     * @return the throttle
     */
    public static Throttle of(int limit, String period) {
        return new Throttle(limit, Options.time("throttle period", period), null, null);
    }

    /**
     * @param limit runs per period
     * @param period the window
     * @return the throttle
     */
    public static Throttle of(int limit, Duration period) {
        return new Throttle(limit, period, null, null);
    }

    /**
     * @param key an expression such as {@code event.data.customerId}
     * @return this throttle, per value of the key
     */
    public Throttle key(String key) {
        return new Throttle(limit, period, key, burst);
    }

    /**
     * @param burst how many runs may start at once
     * @return this throttle with the burst
     */
    public Throttle burst(int burst) {
        return new Throttle(limit, period, key, burst);
    }
}
