package dev.inngest.function;

import java.time.Duration;

/**
 * Rate limit: at most {@code limit} runs start per {@code period}; events over the limit are skipped.
 *
 * <pre>{@code RateLimit.of(1, "4h").key("event.data.userId")}</pre>
 *
 * @param limit runs per period
 * @param period the window, 1 second to 24 hours
 * @param key an expression that counts per value, or null
 */
public record RateLimit(int limit, Duration period, String key) {

    /** Checks the values. */
    public RateLimit {
        Options.atLeast("rate limit", limit, 1);
        Options.between("rate limit period", period, Duration.ofSeconds(1), Duration.ofHours(24));
        Options.expression("rate limit key", key);
    }

    /**
     * @param limit runs per period
     * @param period a time string such as {@code "1h"}
     * @return the rate limit
     */
    public static RateLimit of(int limit, String period) {
        return new RateLimit(limit, Options.time("rate limit period", period), null);
    }

    /**
     * @param limit runs per period
     * @param period the window
     * @return the rate limit
     */
    public static RateLimit of(int limit, Duration period) {
        return new RateLimit(limit, period, null);
    }

    /**
     * @param key an expression such as {@code event.data.userId}
     * @return this limit, counted per value of the key
     */
    public RateLimit key(String key) {
        return new RateLimit(limit, period, key);
    }
}
