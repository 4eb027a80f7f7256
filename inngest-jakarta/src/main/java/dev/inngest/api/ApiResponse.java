package dev.inngest.api;

/**
 * An answer from the Inngest API.
 *
 * @param status the HTTP status
 * @param body the body text, empty if none
 */
public record ApiResponse(int status, String body) {

    /** @return true for a 2xx status */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
