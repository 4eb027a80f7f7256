package dev.inngest.execution;

import dev.inngest.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Builds the op objects of a 206 answer ({@code state.GeneratorOpcode} on the server), field for field as
 * the TypeScript SDK writes them.
 */
final class Op {

    static final String STEP_RUN = "StepRun";
    static final String STEP_ERROR = "StepError";
    static final String STEP_FAILED = "StepFailed";
    static final String STEP_PLANNED = "StepPlanned";
    static final String SLEEP = "Sleep";
    static final String WAIT_FOR_EVENT = "WaitForEvent";
    static final String INVOKE_FUNCTION = "InvokeFunction";

    private Op() {
    }

    /** How long a step's code ran: {@code a} = start, {@code b} = duration, both in nanoseconds. */
    record Timing(long startEpochNanos, long durationNanos) {
        JsonObject toJson() {
            return Jsonp.createObjectBuilder().add("a", startEpochNanos).add("b", durationNanos).build();
        }
    }

    /** A step whose code ran and returned. */
    static JsonObject ran(PendingStep<?> step, JsonValue data, Timing timing) {
        return executed(step, STEP_RUN).add("data", data).add("timing", timing.toJson()).build();
    }

    /** A step whose code threw and will be retried. */
    static JsonObject errored(PendingStep<?> step, JsonObject error, Timing timing) {
        return executed(step, STEP_ERROR).add("error", error).add("timing", timing.toJson())
                .add("data", JsonValue.NULL).build();
    }

    /** A step whose code threw for the last time. */
    static JsonObject failed(PendingStep<?> step, JsonObject error, Timing timing) {
        JsonObjectBuilder summary = Jsonp.createObjectBuilder().add("__serialized", true)
                .add("name", error.getString("name", "Error"))
                .add("message", error.getString("message", ""))
                .add("stack", "");
        return executed(step, STEP_FAILED).add("error", error).add("timing", timing.toJson())
                .add("data", summary).build();
    }

    /** A newly found step: planned if it is run-type, else the op that tells the server to act on it. */
    static JsonObject found(PendingStep<?> step) {
        JsonObjectBuilder b = Jsonp.createObjectBuilder().add("displayName", step.id());
        switch (step.kind()) {
            case RUN:
            case SEND_EVENT:
                b.add("op", STEP_PLANNED).add("id", step.hash()).add("name", step.name());
                break;
            case SLEEP:
                b.add("op", SLEEP).add("id", step.hash()).add("name", step.name());
                break;
            case WAIT_FOR_EVENT:
                b.add("op", WAIT_FOR_EVENT).add("id", step.hash()).add("name", step.name());
                break;
            case INVOKE:
                b.add("op", INVOKE_FUNCTION).add("id", step.hash());
                break;
            default:
                throw new IllegalStateException(step.kind().toString());
        }
        return b.add("opts", step.opts()).add("userland", userland(step)).add("data", JsonValue.NULL).build();
    }

    private static JsonObjectBuilder executed(PendingStep<?> step, String op) {
        return Jsonp.createObjectBuilder()
                .add("id", step.hash())
                .add("op", op)
                .add("name", step.name())
                .add("opts", step.opts())
                .add("displayName", step.id())
                .add("userland", userland(step));
    }

    private static JsonObjectBuilder userland(PendingStep<?> step) {
        JsonObjectBuilder userland = Jsonp.createObjectBuilder().add("id", step.id());
        if (step.index() > 0) {
            userland.add("index", step.index());
        }
        return userland;
    }
}
