package dev.inngest.api;

/** Inngest could not be reached, or answered in a way that cannot be used. The message never holds a key. */
public class InngestApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and where
     * @param cause the underlying error
     */
    public InngestApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
