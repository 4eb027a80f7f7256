package dev.inngest.error;

/**
 * Thrown by a function or a step to fail at once, without retries.
 *
 * <p>Inside {@code step.run} the step fails for good and its error is raised at the call site on the next
 * request (catch it to go on); thrown from the function body, the run fails. On the wire it is named
 * {@code NonRetriableError}, as in every Inngest SDK.
 *
 * <pre>{@code
 * if (order == null) throw new NonRetriableException("order " + id + " does not exist");
 * }</pre>
 */
public class NonRetriableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     */
    public NonRetriableException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying error
     */
    public NonRetriableException(String message, Throwable cause) {
        super(message, cause);
    }
}
