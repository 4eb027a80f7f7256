package dev.inngest.error;

import java.util.List;

/**
 * A function definition that Inngest would not accept. The message lists every problem at once.
 */
public class InvalidFunctionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String functionId;
    private final List<String> problems;

    /**
     * @param functionId the function's id, may be null when the id itself is missing
     * @param problems what is wrong, one sentence each with the fix
     */
    public InvalidFunctionException(String functionId, List<String> problems) {
        super("Inngest function \"" + functionId + "\" is invalid:\n  - " + String.join("\n  - ", problems));
        this.functionId = functionId;
        this.problems = List.copyOf(problems);
    }

    /** @return the function's id */
    public String functionId() {
        return functionId;
    }

    /** @return every problem found, each a sentence with its fix */
    public List<String> problems() {
        return problems;
    }
}
