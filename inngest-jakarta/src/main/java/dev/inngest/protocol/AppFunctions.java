package dev.inngest.protocol;

import dev.inngest.error.InvalidFunctionException;
import dev.inngest.function.FunctionDefinition;
import dev.inngest.function.FunctionOptions;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions an app serves, by their composite id ({@code <appId>-<functionId>}), with the generated
 * {@code -failure} function of each function that has a failure handler.
 */
public final class AppFunctions {

    /** The event a failure function is triggered by. */
    public static final String FUNCTION_FAILED = "inngest/function.failed";

    private final String appId;
    private final Map<String, FunctionDefinition> byCompositeId;

    /**
     * @param appId the app id
     * @param functions the app's functions
     * @throws InvalidFunctionException if two functions share an id
     */
    public AppFunctions(String appId, Collection<FunctionDefinition> functions) {
        this.appId = appId;
        Map<String, FunctionDefinition> map = new LinkedHashMap<>();
        for (FunctionDefinition fn : functions) {
            String id = compositeId(fn.id());
            if (map.put(id, fn) != null) {
                throw new InvalidFunctionException(fn.id(), List.of(new InvalidFunctionException.Problem(
                        InvalidFunctionException.DUPLICATE_ID, "another function of app \"" + appId
                        + "\" has the id \"" + fn.id() + "\"; function ids must be unique in an app")));
            }
            if (fn.options().onFailure() != null) {
                map.put(id + "-failure", failureFunction(fn, id));
            }
        }
        this.byCompositeId = Collections.unmodifiableMap(map);
    }

    private static FunctionDefinition failureFunction(FunctionDefinition fn, String compositeId) {
        FunctionOptions failure = FunctionOptions.builder(fn.id() + "-failure")
                .name(fn.name() + " (failure)")
                .triggerEvent(FUNCTION_FAILED, "event.data.function_id == '" + compositeId + "'")
                .retries(1)
                .build();
        return new FunctionDefinition(failure, fn.options().onFailure());
    }

    /**
     * @param functionId a function id as given in code
     * @return {@code <appId>-<functionId>}
     */
    public String compositeId(String functionId) {
        return appId + "-" + functionId;
    }

    /** @return the app id */
    public String appId() {
        return appId;
    }

    /**
     * @param compositeId the {@code fnId} of a call
     * @return the function, or null
     */
    public FunctionDefinition find(String compositeId) {
        return byCompositeId.get(compositeId);
    }

    /** @return every function by composite id, failure functions included, in registration order */
    public Map<String, FunctionDefinition> all() {
        return byCompositeId;
    }
}
