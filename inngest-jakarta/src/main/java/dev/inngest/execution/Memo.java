package dev.inngest.execution;

import dev.inngest.error.StepError;
import dev.inngest.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Reads a memoized step result in the shapes the server stores: {@code {"data": X}} for results,
 * {@code {"error": E}} for final failures, {@code null} for sleeps and timed-out waits, and a bare event
 * object for a matched {@code waitForEvent}.
 */
final class Memo {

    private Memo() {
    }

    static void apply(PendingStep<?> step, JsonValue memo) {
        if (memo instanceof JsonObject) {
            JsonObject o = (JsonObject) memo;
            if (o.size() == 1 && o.containsKey("error")) {
                step.reject(new StepError(step.id(), error(o.get("error"))));
                return;
            }
            if (o.size() == 1 && o.containsKey("data")) {
                step.resolve(o.get("data"));
                return;
            }
        }
        step.resolve(memo == null ? JsonValue.NULL : memo);
    }

    private static JsonObject error(JsonValue e) {
        if (e instanceof JsonObject) {
            return (JsonObject) e;
        }
        String message = e instanceof JsonString ? ((JsonString) e).getString() : String.valueOf(e);
        return Jsonp.createObjectBuilder().add("name", "Error").add("message", message).build();
    }
}
