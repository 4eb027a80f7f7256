package dev.inngest.error;

import dev.inngest.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Raised at a step's call site when the step has failed for good: its retries are exhausted, it threw
 * {@link NonRetriableException}, or an invoked function failed or timed out.
 *
 * <p>Catch it to recover and go on; let it escape and the run fails with the step's original error.
 *
 * <pre>{@code
 * try {
 *     step.run("charge", Receipt.class, () -> payments.charge(order));
 * } catch (StepError e) {
 *     step.run("refund", () -> payments.refund(order));
 * }
 * }</pre>
 */
public class StepError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String stepId;
    private final transient JsonObject error;

    /**
     * @param stepId the id the step was given in code
     * @param error the error as Inngest recorded it: {@code {"name", "message", "stack"?, ...}}
     */
    public StepError(String stepId, JsonObject error) {
        super(text(error, "message", ""), null, false, false);
        this.stepId = stepId;
        this.error = error;
    }

    /**
     * A step error from its parts.
     *
     * @param stepId the id the step was given in code
     * @param name the error's name, e.g. {@code Error} or {@code NonRetriableError}
     * @param message the error's message
     * @return the error
     */
    public static StepError of(String stepId, String name, String message) {
        return new StepError(stepId, Jsonp.createObjectBuilder().add("name", name).add("message", message).build());
    }

    /** @return the id the step was given in code */
    public String stepId() {
        return stepId;
    }

    /** @return the name of the original error, e.g. {@code Error}, {@code NonRetriableError} */
    public String name() {
        return text(error, "name", "Error");
    }

    /** @return the stack trace of the original error as text, empty if none was recorded */
    public String stack() {
        return text(error, "stack", "");
    }

    /** @return the original error exactly as Inngest recorded it */
    public JsonObject error() {
        return error;
    }

    private static String text(JsonObject o, String key, String fallback) {
        JsonValue v = o == null ? null : o.get(key);
        return v instanceof JsonString ? ((JsonString) v).getString() : fallback;
    }

    @Override
    public String toString() {
        return "StepError[" + stepId + "] " + name() + ": " + getMessage();
    }
}
