package dev.inngest.step;

import dev.inngest.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Durable steps. Each step runs once: its result is recorded by Inngest and returned at once when the
 * function is called again for the next step. Step ids must be stable across calls; an id used again in
 * one run (in a loop) is numbered automatically.
 *
 * <p>A step that has not run yet stops the function's code by throwing an internal {@link Error}; do not
 * catch {@code Throwable} around steps.
 *
 * <pre>{@code
 * Receipt r = step.run("charge", Receipt.class, () -> payments.charge(order));
 * step.sleep("cool-off", "1h");
 * Optional<Event> paid = step.waitForEvent("wait-for-payment",
 *         WaitForEvent.event("stripe/payment.succeeded").timeout("1d").match("data.orderId"));
 * }</pre>
 */
public interface Step {

    /**
     * Runs code once and records its result.
     *
     * @param id a stable id, unique in the function
     * @param type the result type (records, POJOs, collections, boxed primitives, {@code String})
     * @param action the code; may throw checked exceptions
     * @param <T> the result type
     * @return the result, the recorded one on later calls
     * @throws dev.inngest.error.StepError once the step has failed for good
     */
    <T> T run(String id, Class<T> type, StepAction<? extends T> action);

    /**
     * Runs code once and records its result, for generic result types.
     *
     * @param id a stable id, unique in the function
     * @param type a type token such as {@code new TypeRef<List<Item>>() {}}
     * @param action the code
     * @param <T> the result type
     * @return the result
     * @throws dev.inngest.error.StepError once the step has failed for good
     */
    <T> T run(String id, TypeRef<T> type, StepAction<? extends T> action);

    /**
     * Runs code once that returns nothing.
     *
     * @param id a stable id, unique in the function
     * @param action the code
     * @throws dev.inngest.error.StepError once the step has failed for good
     */
    void run(String id, StepRunnable action);

    /**
     * Starts a step without waiting for it, to run several in parallel; see {@link StepFuture}.
     *
     * @param id a stable id
     * @param type the result type
     * @param action the code
     * @param <T> the result type
     * @return the step's future result
     */
    <T> StepFuture<T> runAsync(String id, Class<T> type, StepAction<? extends T> action);

    /**
     * Starts a step of a generic result type without waiting for it.
     *
     * @param id a stable id
     * @param type a type token
     * @param action the code
     * @param <T> the result type
     * @return the step's future result
     */
    <T> StepFuture<T> runAsync(String id, TypeRef<T> type, StepAction<? extends T> action);

    /**
     * Pauses the run; no compute is used while it sleeps.
     *
     * @param id a stable id
     * @param duration how long, in whole seconds (up to a year)
     */
    void sleep(String id, Duration duration);

    /**
     * Pauses the run for a time string such as {@code "30m"}, {@code "2h30m"}, {@code "1d"} or {@code "1w"}.
     *
     * @param id a stable id
     * @param duration a time string
     */
    void sleep(String id, String duration);

    /**
     * Pauses the run without waiting for the sleep, to sleep in parallel with other steps.
     *
     * @param id a stable id
     * @param duration how long
     * @return a future that completes when the sleep has passed
     */
    StepFuture<Void> sleepAsync(String id, Duration duration);

    /**
     * Pauses the run until a point in time.
     *
     * @param id a stable id
     * @param until when to go on
     */
    void sleepUntil(String id, Instant until);

    /**
     * Pauses the run until a point in time.
     *
     * @param id a stable id
     * @param until when to go on
     */
    void sleepUntil(String id, OffsetDateTime until);

    /**
     * Pauses the run until a point in time.
     *
     * @param id a stable id
     * @param until when to go on
     */
    void sleepUntil(String id, ZonedDateTime until);

    /**
     * Waits for an event.
     *
     * @param id a stable id
     * @param options the event, timeout and condition
     * @return the event, or empty if the timeout passed first
     */
    Optional<Event> waitForEvent(String id, WaitForEvent options);

    /**
     * Waits for an event and maps the whole event ({@code name}, {@code data}, {@code id}, {@code ts},
     * {@code user}) to a type of yours.
     *
     * @param id a stable id
     * @param type the type the event maps to
     * @param options the event, timeout and condition
     * @param <T> the type
     * @return the event, or empty if the timeout passed first
     */
    <T> Optional<T> waitForEvent(String id, Class<T> type, WaitForEvent options);

    /**
     * Starts waiting for an event without blocking, to wait in parallel with other steps.
     *
     * @param id a stable id
     * @param options the event, timeout and condition
     * @return a future of the event, empty on timeout
     */
    StepFuture<Optional<Event>> waitForEventAsync(String id, WaitForEvent options);

    /**
     * Invokes another function and waits for its result.
     *
     * @param id a stable id
     * @param invocation the function, its data and the timeout
     * @param type the result type
     * @param <T> the result type
     * @return the invoked function's result
     * @throws dev.inngest.error.StepError if it failed or timed out
     *     ({@code InngestInvokeTimeoutError})
     */
    <T> T invoke(String id, Invoke invocation, Class<T> type);

    /**
     * Invokes another function with a generic result type.
     *
     * @param id a stable id
     * @param invocation the function, its data and the timeout
     * @param type a type token
     * @param <T> the result type
     * @return the invoked function's result
     * @throws dev.inngest.error.StepError if it failed or timed out
     */
    <T> T invoke(String id, Invoke invocation, TypeRef<T> type);

    /**
     * Invokes another function without waiting, to run invocations in parallel.
     *
     * @param id a stable id
     * @param invocation the function, its data and the timeout
     * @param type the result type
     * @param <T> the result type
     * @return the future result
     */
    <T> StepFuture<T> invokeAsync(String id, Invoke invocation, Class<T> type);

    /**
     * Sends events as a step, exactly once per run.
     *
     * @param id a stable id
     * @param events the events
     * @return the ids Inngest gave the events
     */
    List<String> sendEvent(String id, Event... events);

    /**
     * Sends events as a step, exactly once per run.
     *
     * @param id a stable id
     * @param events the events
     * @return the ids Inngest gave the events
     */
    List<String> sendEvent(String id, List<Event> events);

    /**
     * Waits for every given step (and reports every started step to Inngest at once, so they run in
     * parallel).
     *
     * @param futures steps started with the {@code ...Async} methods
     */
    void all(StepFuture<?>... futures);

    /**
     * Waits for every given step.
     *
     * @param futures steps started with the {@code ...Async} methods
     */
    void all(Collection<? extends StepFuture<?>> futures);
}
