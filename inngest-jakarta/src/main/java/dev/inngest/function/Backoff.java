package dev.inngest.function;

import dev.inngest.time.TimeString;
import java.time.Duration;

/**
 * Exponential back-off between retries: attempt {@code n} (0-based) waits
 * {@code min(maxInterval, interval × factor^n)}. The SDK answers retriable failures with that delay in
 * {@code Retry-After}, which the Inngest server honours.
 *
 * <pre>{@code Backoff.exponential("10s", 2.0, "10m")}</pre>
 *
 * @param interval the first delay
 * @param factor the growth per attempt, at least 1
 * @param maxInterval the longest delay
 */
public record Backoff(Duration interval, double factor, Duration maxInterval) {

    /** Checks the values. */
    public Backoff {
        Options.between("back-off interval", interval, Duration.ofSeconds(1), Duration.ofDays(1));
        Options.between("back-off max interval", maxInterval, Duration.ofSeconds(1), Duration.ofDays(1));
        if (!(factor >= 1.0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("back-off factor must be a number of at least 1, was " + factor);
        }
        if (maxInterval.compareTo(interval) < 0) {
            throw new IllegalArgumentException("back-off max interval " + TimeString.format(maxInterval)
                    + " is shorter than its interval " + TimeString.format(interval));
        }
    }

    /**
     * @param interval a time string, the first delay
     * @param factor the growth per attempt
     * @param maxInterval a time string, the longest delay
     * @return the back-off
     */
    public static Backoff exponential(String interval, double factor, String maxInterval) {
        return new Backoff(Options.time("back-off interval", interval), factor,
                Options.time("back-off max interval", maxInterval));
    }

    /**
     * The delay before the retry that follows attempt {@code attempt}.
     *
     * @param attempt the 0-based attempt that failed
     * @return {@code min(maxInterval, interval × factor^attempt)}, in whole seconds rounded up
     */
    public Duration delayAfter(int attempt) {
        double seconds = interval.toMillis() / 1000.0 * Math.pow(factor, Math.max(0, attempt));
        double max = maxInterval.toMillis() / 1000.0;
        return Duration.ofSeconds((long) Math.ceil(Math.min(seconds, max)));
    }
}
