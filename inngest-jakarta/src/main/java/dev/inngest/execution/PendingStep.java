package dev.inngest.execution;

import dev.inngest.error.StepError;
import dev.inngest.step.StepFuture;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * One step met during a call: memoized (done) or new (pending). It is the {@link StepFuture} user code
 * holds.
 *
 * @param <T> the step's result type
 */
final class PendingStep<T> implements StepFuture<T> {

    private final Execution execution;
    private final StepKind kind;
    private final String id;
    private final StepIds.Hashed hashed;
    private final String name;
    private final JsonObject opts;
    private final Callable<JsonValue> body;
    private final Function<JsonValue, T> decode;

    private boolean done;
    private T value;
    private StepError error;

    PendingStep(Execution execution, StepKind kind, String id, StepIds.Hashed hashed, String name, JsonObject opts,
            Callable<JsonValue> body, Function<JsonValue, T> decode) {
        this.execution = execution;
        this.kind = kind;
        this.id = id;
        this.hashed = hashed;
        this.name = name;
        this.opts = opts;
        this.body = body;
        this.decode = decode;
    }

    void resolve(JsonValue memoized) {
        done = true;
        value = decode.apply(memoized);
    }

    void reject(StepError stepError) {
        done = true;
        error = stepError;
    }

    @Override
    public T get() {
        if (!done) {
            execution.await(List.of(this));
        }
        if (error != null) {
            throw error;
        }
        return value;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public String id() {
        return id;
    }

    StepKind kind() {
        return kind;
    }

    String hash() {
        return hashed.hash();
    }

    int index() {
        return hashed.index();
    }

    /** The op's {@code name}: the id for runs, the duration for sleeps, the event name for waits. */
    String name() {
        return name;
    }

    JsonObject opts() {
        return opts;
    }

    Callable<JsonValue> body() {
        return body;
    }
}
