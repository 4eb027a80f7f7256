package dev.inngest.api;

import java.util.Map;

/**
 * The calls the serve endpoint makes to the Inngest API. Authentication (the hashed signing key, then the
 * fallback key on 401/403) and the environment header are the implementation's business.
 */
public interface InngestApi {

    /**
     * Registers the app's functions: {@code POST {api}/fn/register}.
     *
     * @param deployId the deploy id of the sync request, or null
     * @param headers extra headers (sync kind, expected server kind)
     * @param body the registration JSON
     * @return the answer
     * @throws InngestApiException when Inngest cannot be reached
     */
    ApiResponse register(String deployId, Map<String, String> headers, String body);

    /**
     * Fetches a run's events: {@code GET {api}/v0/runs/{runId}/batch}.
     *
     * @param runId the run id
     * @return the answer, a JSON array of events on success
     * @throws InngestApiException when Inngest cannot be reached
     */
    ApiResponse runBatch(String runId);

    /**
     * Fetches a run's memoized steps: {@code GET {api}/v0/runs/{runId}/actions}.
     *
     * @param runId the run id
     * @return the answer, a JSON object of step results on success
     * @throws InngestApiException when Inngest cannot be reached
     */
    ApiResponse runActions(String runId);

    /**
     * An API for setups that have no Inngest to call (in-process tests, benchmarks): every call fails
     * with {@link InngestApiException}, which the engine answers like an unreachable Inngest.
     *
     * @return the API
     */
    static InngestApi unavailable() {
        return new InngestApi() {
            @Override
            public ApiResponse register(String deployId, Map<String, String> headers, String body) {
                throw unreachable("register the app");
            }

            @Override
            public ApiResponse runBatch(String runId) {
                throw unreachable("fetch the events of run " + runId);
            }

            @Override
            public ApiResponse runActions(String runId) {
                throw unreachable("fetch the steps of run " + runId);
            }

            private InngestApiException unreachable(String what) {
                return new InngestApiException("could not " + what + ": no Inngest API in this setup", null);
            }
        };
    }
}
