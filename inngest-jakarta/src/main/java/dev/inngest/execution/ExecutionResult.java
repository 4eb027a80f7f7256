package dev.inngest.execution;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What one call of a function produced, before it becomes an HTTP response.
 *
 * @param status 200 (returned), 206 (steps to report), 400 (failed for good) or 500 (retriable failure)
 * @param body the return value, the array of ops, or the serialized error
 * @param noRetry the {@code X-Inngest-No-Retry} value, or null for none
 * @param retryAfter the {@code Retry-After} value, or null for none
 */
public record ExecutionResult(int status, JsonValue body, Boolean noRetry, String retryAfter) {

    /**
     * @param output the function's return value
     * @return a 200 result
     */
    public static ExecutionResult completed(JsonValue output) {
        return new ExecutionResult(200, output, null, null);
    }

    /** @return true when the function returned */
    public boolean isCompleted() {
        return status == 200;
    }

    /**
     * @return what the answer tells Inngest, for tracing: the ops of a 206 (e.g. {@code StepRun},
     *         {@code StepPlanned,StepPlanned}), {@code RunComplete} for 200, {@code Error} otherwise
     */
    public String op() {
        if (status == 200) {
            return "RunComplete";
        }
        if (status == 206 && body instanceof JsonArray) {
            Set<String> ops = new LinkedHashSet<>();
            for (JsonValue op : (JsonArray) body) {
                if (op instanceof JsonObject) {
                    ops.add(((JsonObject) op).getString("op", "?"));
                }
            }
            return String.join(",", ops);
        }
        return "Error";
    }
}
