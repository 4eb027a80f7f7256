package dev.inngest.api;

/**
 * Events were not sent: refused before sending (too large, too many, no event key in cloud mode), refused by
 * Inngest (a 4xx such as {@code 401 Event key not found}), or not delivered after every retry. The message
 * starts with a stable code ({@code INNGEST-V0xx}), says what to do, and never holds the event key.
 *
 * <table>
 * <caption>Codes</caption>
 * <tr><th>code</th><th>meaning</th></tr>
 * <tr><td>INNGEST-V001</td><td>cloud mode without an event key</td></tr>
 * <tr><td>INNGEST-V002</td><td>more than 5000 events in one send</td></tr>
 * <tr><td>INNGEST-V003</td><td>an event larger than the configured maximum</td></tr>
 * <tr><td>INNGEST-V004</td><td>a request body larger than 3 MiB</td></tr>
 * <tr><td>INNGEST-V005</td><td>Inngest refused the events (4xx); not retried</td></tr>
 * <tr><td>INNGEST-V006</td><td>not delivered after every attempt (connection errors, timeouts, 429, 5xx)</td></tr>
 * <tr><td>INNGEST-V007</td><td>interrupted while waiting to retry</td></tr>
 * <tr><td>INNGEST-V008</td><td>Inngest accepted the events but its answer could not be read</td></tr>
 * </table>
 */
public class EventSendException extends InngestApiException {

    private static final long serialVersionUID = 1L;

    /** The last HTTP status, 0 if none. */
    private final int status;
    /** Inngest's {@code error}, or null. */
    private final String serverError;
    /** Requests made. */
    private final int attempts;

    /**
     * @param message what failed and what to do, without the event key
     * @param status the last HTTP status, 0 if none came
     * @param serverError the {@code error} of Inngest's answer, or null
     * @param attempts requests made, 0 when refused before sending
     * @param cause the underlying error, or null
     */
    public EventSendException(String message, int status, String serverError, int attempts, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.serverError = serverError;
        this.attempts = attempts;
    }

    /** @return the last HTTP status, 0 if no answer came (or nothing was sent) */
    public int status() {
        return status;
    }

    /** @return the {@code error} field of Inngest's answer, or null */
    public String serverError() {
        return serverError;
    }

    /** @return how many requests were made, 0 when the events were refused before sending */
    public int attempts() {
        return attempts;
    }
}
