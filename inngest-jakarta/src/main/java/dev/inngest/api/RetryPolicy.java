package dev.inngest.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently an event send is retried after a connection error, a timeout, a 408, a 429 or a
 * 5xx answer: up to {@code maxAttempts} attempts in all, waiting {@code initialDelay}, then twice as long each
 * time, never more than {@code maxDelay}. Every attempt of one send carries the same
 * {@code x-inngest-event-id-seed}, so Inngest records the events once however many attempts reach it.
 *
 * <pre>{@code
 * RetryPolicy.defaults()                     // 5 attempts: waits 100ms, 200ms, 400ms, 800ms
 * new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(1), RetryPolicy.Sleeper.SYSTEM)
 * RetryPolicy.defaults().withSleeper(waits::add)   // tests: record the waits instead of sleeping
 * }</pre>
 *
 * @param maxAttempts attempts in all, at least 1 (1 means no retry)
 * @param initialDelay the wait before the first retry, not negative
 * @param maxDelay the longest wait, at least {@code initialDelay}
 * @param sleeper how to wait
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Sleeper sleeper) {

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {

        /** Sleeps on the calling thread. */
        Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

        /**
         * @param duration how long to wait
         * @throws InterruptedException if the thread is interrupted while waiting
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * Checks the values.
     *
     * @param maxAttempts attempts in all, at least 1
     * @param initialDelay the wait before the first retry, not negative
     * @param maxDelay the longest wait, at least {@code initialDelay}
     * @param sleeper how to wait
     */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(sleeper, "sleeper");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay, not " + initialDelay + " and "
                    + maxDelay);
        }
    }

    /** @return 5 attempts, 100 ms doubling, at most 2 s, sleeping on the calling thread */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2), Sleeper.SYSTEM);
    }

    /** @return a single attempt, no retries */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Sleeper.SYSTEM);
    }

    /**
     * @param sleeper how to wait
     * @return this policy with another sleeper
     */
    public RetryPolicy withSleeper(Sleeper sleeper) {
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay, sleeper);
    }

    /**
     * The wait before a retry: {@code initialDelay × 2^(retry-1)}, capped at {@code maxDelay}, and at least the
     * server's {@code Retry-After} (also capped).
     *
     * @param retry 1 for the first retry
     * @param retryAfter what the server asked for, or null
     * @return the wait
     */
    public Duration delayBefore(int retry, Duration retryAfter) {
        Duration d = initialDelay;
        for (int i = 1; i < retry && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        if (retryAfter != null && retryAfter.compareTo(d) > 0) {
            d = retryAfter;
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
