package dev.inngest.step;

import dev.inngest.function.FunctionDefinition;
import dev.inngest.time.TimeString;
import java.time.Duration;

/**
 * What {@link Step#invoke} calls: a function of this app or of another app, the data of its
 * {@code inngest/function.invoked} event, and how long to wait for its result.
 *
 * <pre>{@code
 * Invoke.function("compute-tax").data(Map.of("amount", 42)).timeout("10m")
 * Invoke.function("billing-app", "charge-card").data(charge)
 * }</pre>
 *
 * @param appId the app of the invoked function, or null for this app
 * @param functionId the invoked function's id as given in code
 * @param data the event data, any value JSON-B maps to a JSON object, or null
 * @param user the event's user object, or null
 * @param timeout how long to wait for the result, or null for the server's default (1 year)
 */
public record Invoke(String appId, String functionId, Object data, Object user, Duration timeout) {

    /** Checks the values. */
    public Invoke {
        if (functionId == null || functionId.isBlank()) {
            throw new IllegalArgumentException("invoke needs the id of the function to call");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("invoke timeout must be positive");
        }
    }

    /**
     * @param functionId the id of a function of this app
     * @return the invocation
     */
    public static Invoke function(String functionId) {
        return new Invoke(null, functionId, null, null, null);
    }

    /**
     * @param appId the id of another app
     * @param functionId the id of a function of that app
     * @return the invocation
     */
    public static Invoke function(String appId, String functionId) {
        return new Invoke(appId, functionId, null, null, null);
    }

    /**
     * @param function a function of this app
     * @return the invocation
     */
    public static Invoke function(FunctionDefinition function) {
        return function(function.id());
    }

    /**
     * @param data the invoked function's event data
     * @return this invocation with the data
     */
    public Invoke data(Object data) {
        return new Invoke(appId, functionId, data, user, timeout);
    }

    /**
     * @param user the invoked function's event user
     * @return this invocation with the user
     */
    public Invoke user(Object user) {
        return new Invoke(appId, functionId, data, user, timeout);
    }

    /**
     * @param timeout a time string such as {@code "10m"}
     * @return this invocation with the timeout
     */
    public Invoke timeout(String timeout) {
        return new Invoke(appId, functionId, data, user, TimeString.parse(timeout));
    }

    /**
     * @param timeout how long to wait for the result
     * @return this invocation with the timeout
     */
    public Invoke timeout(Duration timeout) {
        return new Invoke(appId, functionId, data, user, timeout);
    }
}
