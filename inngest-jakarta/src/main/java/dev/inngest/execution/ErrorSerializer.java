package dev.inngest.execution;

import dev.inngest.error.NonRetriableException;
import dev.inngest.error.RetryAfterException;
import dev.inngest.error.StepError;
import dev.inngest.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Serializes a Java exception the way Inngest records errors:
 * {@code {"name", "message", "stack", "__serialized": true, "cause"?}}.
 */
public final class ErrorSerializer {

    private static final int MAX_STACK_CHARS = 16 * 1024;
    private static final int MAX_CAUSE_DEPTH = 5;

    private ErrorSerializer() {
    }

    /**
     * @param error any throwable
     * @return its serialized form; a {@link StepError} yields the error it carries
     */
    public static JsonObject serialize(Throwable error) {
        return serialize(error, 0);
    }

    /**
     * The name Inngest sees: the cross-SDK names for the SDK's own errors, the simple class name otherwise.
     *
     * @param error any throwable
     * @return its name
     */
    public static String name(Throwable error) {
        if (error instanceof NonRetriableException) {
            return "NonRetriableError";
        }
        if (error instanceof RetryAfterException) {
            return "RetryAfterError";
        }
        if (error instanceof StepError) {
            return ((StepError) error).name();
        }
        return error.getClass().getSimpleName().isEmpty() ? error.getClass().getName() : error.getClass().getSimpleName();
    }

    /**
     * An error from the SDK itself, with no stack trace.
     *
     * @param message what went wrong
     * @return the serialized error
     */
    public static JsonObject internal(String message) {
        return Jsonp.createObjectBuilder().add("name", "Error").add("message", message).add("__serialized", true).build();
    }

    private static JsonObject serialize(Throwable error, int depth) {
        if (error instanceof StepError) {
            return ((StepError) error).error();
        }
        JsonObjectBuilder b = Jsonp.createObjectBuilder()
                .add("name", name(error))
                .add("message", error.getMessage() == null ? "" : error.getMessage())
                .add("stack", stack(error))
                .add("__serialized", true);
        if (error.getCause() != null && error.getCause() != error && depth < MAX_CAUSE_DEPTH) {
            b.add("cause", serialize(error.getCause(), depth + 1));
        }
        return b.build();
    }

    private static String stack(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        String s = out.toString();
        return s.length() > MAX_STACK_CHARS ? s.substring(0, MAX_STACK_CHARS) + "\n\t..." : s;
    }
}
