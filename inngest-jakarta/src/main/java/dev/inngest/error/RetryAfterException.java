package dev.inngest.error;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Thrown by a function or a step to be retried no sooner than a given time, for example when a
 * downstream API answered 429 with its own {@code Retry-After}.
 *
 * <pre>{@code
 * throw new RetryAfterException("rate limited by the payment API", Duration.ofSeconds(30));
 * }</pre>
 */
public class RetryAfterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration delay;
    private final Instant at;

    /**
     * @param message what went wrong
     * @param delay how long to wait before the next attempt
     */
    public RetryAfterException(String message, Duration delay) {
        this(message, delay, null);
    }

    /**
     * @param message what went wrong
     * @param delay how long to wait before the next attempt
     * @param cause the underlying error
     */
    public RetryAfterException(String message, Duration delay, Throwable cause) {
        super(message, cause);
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("the retry delay must be zero or positive, was " + delay);
        }
        this.delay = delay;
        this.at = null;
    }

    /**
     * @param message what went wrong
     * @param at the earliest time of the next attempt
     */
    public RetryAfterException(String message, Instant at) {
        super(message);
        this.at = Objects.requireNonNull(at, "at");
        this.delay = null;
    }

    /**
     * The value of the {@code Retry-After} header: whole seconds rounded up, or an ISO-8601 instant.
     *
     * @return the header value
     */
    public String retryAfterHeader() {
        if (at != null) {
            return at.toString();
        }
        long seconds = delay.getSeconds() + (delay.getNano() > 0 ? 1 : 0);
        return Long.toString(seconds);
    }

    /**
     * @return the delay, or null if an instant was given
     */
    public Duration delay() {
        return delay;
    }

    /**
     * @return the instant, or null if a delay was given
     */
    public Instant at() {
        return at;
    }
}
