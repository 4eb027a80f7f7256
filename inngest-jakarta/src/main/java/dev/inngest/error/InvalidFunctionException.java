package dev.inngest.error;

import java.util.List;

/**
 * A function definition that Inngest would not accept. The message lists every problem at once, each
 * with a stable code.
 */
public class InvalidFunctionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The function has no id. */
    public static final String NO_ID = "INNGEST-F001";
    /** The function id has spaces around it. */
    public static final String ID_SPACES = "INNGEST-F002";
    /** The function has no trigger. */
    public static final String NO_TRIGGER = "INNGEST-F003";
    /** More than two concurrency limits. */
    public static final String TOO_MANY_CONCURRENCY_LIMITS = "INNGEST-F004";
    /** Retries outside 0 to 20. */
    public static final String RETRIES_OUT_OF_RANGE = "INNGEST-F005";
    /** A blank idempotency or priority expression. */
    public static final String BLANK_EXPRESSION = "INNGEST-F006";
    /** Batching and debounce together. */
    public static final String BATCHING_WITH_DEBOUNCE = "INNGEST-F007";
    /** Two functions of one app with the same id. */
    public static final String DUPLICATE_ID = "INNGEST-F008";

    /**
     * One problem.
     *
     * @param code a stable code such as {@link #NO_TRIGGER}
     * @param message what is wrong and how to fix it
     */
    public record Problem(String code, String message) {
        @Override
        public String toString() {
            return code + " " + message;
        }
    }

    private final String functionId;
    private final transient List<Problem> details;

    /**
     * @param functionId the function's id, may be null when the id itself is missing
     * @param problems what is wrong, each with its code and fix
     */
    public InvalidFunctionException(String functionId, List<Problem> problems) {
        super("Inngest function \"" + functionId + "\" is invalid:\n  - "
                + String.join("\n  - ", problems.stream().map(Problem::toString).toList()));
        this.functionId = functionId;
        this.details = List.copyOf(problems);
    }

    /** @return the function's id */
    public String functionId() {
        return functionId;
    }

    /** @return every problem found, each as {@code <code> <message>} */
    public List<String> problems() {
        return details.stream().map(Problem::toString).toList();
    }

    /** @return every problem found, with its code apart */
    public List<Problem> details() {
        return details;
    }
}
