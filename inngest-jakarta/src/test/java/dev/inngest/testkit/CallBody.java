package dev.inngest.testkit;

import dev.inngest.json.JsonMapper;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a call as the Inngest server sends it (protocol.md §3): event, events, memoized steps in
 * completion order, and ctx with attempt, stack and flags.
 */
public final class CallBody {

    private JsonObject event = Json.createObjectBuilder()
            .add("name", "test/hello")
            .add("data", Json.createObjectBuilder().add("id", "abc").add("x", 2))
            .add("id", "01HEVT0000000000000000000E")
            .add("ts", 1700000000000L)
            .add("user", JsonValue.EMPTY_JSON_OBJECT)
            .build();
    private List<JsonObject> events;
    private final Map<String, JsonValue> steps = new LinkedHashMap<>();
    private int attempt;
    private int maxAttempts = 3;
    private boolean disableImmediateExecution;
    private boolean useApi;
    private String runId = "01HRUN0000000000000000000R";

    /** @return a body with the default event */
    public static CallBody call() {
        return new CallBody();
    }

    public CallBody event(JsonObject e) {
        this.event = e;
        return this;
    }

    public CallBody events(List<JsonObject> all) {
        this.events = all;
        return this;
    }

    /** Memoizes a step's result under the hash of its id, as {@code {"data": value}}. */
    public CallBody data(String hash, JsonValue value) {
        steps.put(hash, Json.createObjectBuilder().add("data", value).build());
        return this;
    }

    /** Memoizes a raw value (null for sleeps, a bare event for waits). */
    public CallBody raw(String hash, JsonValue value) {
        steps.put(hash, value);
        return this;
    }

    /** Memoizes a final step failure. */
    public CallBody error(String hash, JsonObject error) {
        steps.put(hash, Json.createObjectBuilder().add("error", error).build());
        return this;
    }

    public CallBody attempt(int attempt, int maxAttempts) {
        this.attempt = attempt;
        this.maxAttempts = maxAttempts;
        return this;
    }

    public CallBody disableImmediateExecution() {
        this.disableImmediateExecution = true;
        return this;
    }

    public CallBody useApi() {
        this.useApi = true;
        return this;
    }

    public CallBody runId(String id) {
        this.runId = id;
        return this;
    }

    /** @return the body, JSON text with keys in server order */
    public String build() {
        JsonObjectBuilder stepsJson = Json.createObjectBuilder();
        JsonArrayBuilder stack = Json.createArrayBuilder();
        steps.forEach((k, v) -> {
            stepsJson.add(k, v);
            stack.add(k);
        });
        JsonArrayBuilder evs = Json.createArrayBuilder();
        for (JsonObject e : events == null ? new ArrayList<>(List.of(event)) : events) {
            evs.add(e);
        }
        JsonObjectBuilder ctx = Json.createObjectBuilder()
                .add("attempt", attempt)
                .add("disable_immediate_execution", disableImmediateExecution)
                .add("env", "")
                .add("fn_id", "b5c1f0a8-0000-4000-8000-000000000001")
                .add("max_attempts", maxAttempts)
                .add("run_id", runId)
                .add("stack", Json.createObjectBuilder().add("current", steps.size()).add("stack", stack))
                .add("step_id", "step")
                .add("use_api", useApi);
        JsonObjectBuilder body = Json.createObjectBuilder().add("ctx", ctx).add("defers", JsonValue.EMPTY_JSON_OBJECT);
        if (useApi) {
            body.add("event", JsonValue.EMPTY_JSON_OBJECT).add("events", JsonValue.EMPTY_JSON_ARRAY)
                    .add("steps", JsonValue.EMPTY_JSON_OBJECT);
        } else {
            body.add("event", events == null ? event : events.get(0)).add("events", evs).add("steps", stepsJson);
        }
        return JsonMapper.write(body.add("use_api", useApi).add("version", steps.isEmpty() ? -1 : 2).build());
    }
}
