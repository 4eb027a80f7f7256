package dev.inngest.execution;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a call from Inngest: the events, the memoized step results and the run's context.
 *
 * @param event the trigger event (the first of the batch)
 * @param events every event of the run
 * @param steps memoized results by hashed step id
 * @param stack hashed step ids in completion order
 * @param runId the run id
 * @param attempt the 0-based attempt of the current step
 * @param maxAttempts attempts in all for the current step, or null if the server did not say
 * @param disableImmediateExecution true when new steps must be planned, not run at once
 * @param useApi true when the events and steps were too large and must be fetched from the API
 */
public record ExecutionRequest(
        JsonObject event,
        List<JsonObject> events,
        JsonObject steps,
        List<String> stack,
        String runId,
        int attempt,
        Integer maxAttempts,
        boolean disableImmediateExecution,
        boolean useApi) {

    /**
     * Reads a call's body.
     *
     * @param body the parsed JSON body
     * @return the request
     * @throws IllegalArgumentException if a required part is missing or of the wrong type
     */
    public static ExecutionRequest parse(JsonValue body) {
        if (!(body instanceof JsonObject)) {
            throw new IllegalArgumentException("the request body must be a JSON object");
        }
        JsonObject o = (JsonObject) body;
        JsonObject ctx = object(o, "ctx");
        boolean useApi = bool(o, "use_api") || bool(ctx, "use_api");
        JsonObject event = o.get("event") instanceof JsonObject ? o.getJsonObject("event") : null;
        if (event == null && !useApi) {
            throw new IllegalArgumentException("the request body has no \"event\" object");
        }
        List<JsonObject> events = new ArrayList<>();
        if (o.get("events") instanceof JsonArray) {
            for (JsonValue e : o.getJsonArray("events")) {
                if (e instanceof JsonObject) {
                    events.add((JsonObject) e);
                }
            }
        }
        if (events.isEmpty() && event != null) {
            events.add(event);
        }
        if (event == null && !events.isEmpty()) {
            event = events.get(0);
        }
        JsonObject stackObj = object(ctx, "stack");
        List<String> stack = new ArrayList<>();
        if (stackObj.get("stack") instanceof JsonArray) {
            for (JsonValue v : stackObj.getJsonArray("stack")) {
                if (v instanceof JsonString) {
                    stack.add(((JsonString) v).getString());
                }
            }
        }
        return new ExecutionRequest(
                event == null ? JsonValue.EMPTY_JSON_OBJECT : event,
                List.copyOf(events),
                object(o, "steps"),
                List.copyOf(stack),
                ctx.get("run_id") instanceof JsonString ? ctx.getString("run_id") : "",
                ctx.get("attempt") instanceof JsonNumber ? ctx.getInt("attempt") : 0,
                ctx.get("max_attempts") instanceof JsonNumber ? ctx.getInt("max_attempts") : null,
                bool(ctx, "disable_immediate_execution"),
                useApi);
    }

    /**
     * The same request with the events and steps fetched from the API.
     *
     * @param fetchedEvents the run's events
     * @param fetchedSteps the run's memoized steps
     * @return the completed request
     */
    public ExecutionRequest withState(List<JsonObject> fetchedEvents, JsonObject fetchedSteps) {
        JsonObject first = fetchedEvents.isEmpty() ? event : fetchedEvents.get(0);
        return new ExecutionRequest(first, List.copyOf(fetchedEvents), fetchedSteps, stack, runId, attempt,
                maxAttempts, disableImmediateExecution, false);
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonObject ? (JsonObject) v : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static boolean bool(JsonObject o, String key) {
        return o.get(key) == JsonValue.TRUE;
    }
}
