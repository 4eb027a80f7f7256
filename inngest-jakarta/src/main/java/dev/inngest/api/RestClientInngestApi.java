package dev.inngest.api;

import dev.inngest.InngestConfig;
import dev.inngest.signature.SigningKey;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * {@link InngestApi} on MicroProfile Rest Client: the bearer of the hashed signing key, then of the hashed
 * fallback key when Inngest answers 401 or 403; no {@code Authorization} at all in dev mode without a key.
 *
 * <p>One Rest Client is built on first use and kept: the base URL and timeouts are fixed by the configuration,
 * and the key, environment and sync headers are {@code @HeaderParam}s of {@link InngestApiClient}. Thread-safe;
 * {@link #close()} releases the client's connections.
 */
public final class RestClientInngestApi implements InngestApi, AutoCloseable {

    /** The register headers {@link InngestApiClient#register} carries as parameters (lower case). */
    private static final Set<String> REGISTER_HEADERS = Set.of("x-inngest-framework", "x-inngest-sync-kind",
            "x-inngest-sdk-handled", "x-inngest-expected-server-kind");

    private final InngestConfig config;
    private InngestApiClient client;

    /**
     * @param config the URLs, keys and timeouts
     */
    public RestClientInngestApi(InngestConfig config) {
        this.config = config;
    }

    @Override
    public ApiResponse register(String deployId, Map<String, String> headers, String body) {
        for (String name : headers.keySet()) {
            if (!REGISTER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                // not a parameter of the shared client: a one-off client that adds the headers as given
                return registerWithOwnClient(deployId, headers, body);
            }
        }
        return call((c, auth) -> c.register(deployId, auth, env(),
                header(headers, "x-inngest-framework"), header(headers, "x-inngest-sync-kind"),
                header(headers, "x-inngest-sdk-handled"), header(headers, "x-inngest-expected-server-kind"), body),
                client(), "register the app");
    }

    @Override
    public ApiResponse runBatch(String runId) {
        return call((c, auth) -> c.batch(runId, auth, env()), client(), "fetch the events of run " + runId);
    }

    @Override
    public ApiResponse runActions(String runId) {
        return call((c, auth) -> c.actions(runId, auth, env()), client(), "fetch the steps of run " + runId);
    }

    /** Releases the shared Rest Client; a later call builds a new one. */
    @Override
    public synchronized void close() {
        if (client != null) {
            RestClients.close(client);
            client = null;
        }
    }

    private synchronized InngestApiClient client() {
        if (client == null) {
            client = RestClients.build(InngestApiClient.class, config.apiBaseUrl(), config);
        }
        return client;
    }

    private ApiResponse registerWithOwnClient(String deployId, Map<String, String> headers, String body) {
        ClientRequestFilter extra = ctx -> headers.forEach((k, v) -> ctx.getHeaders().putSingle(k, v));
        InngestApiClient own = RestClients.build(InngestApiClient.class, config.apiBaseUrl(), config, extra);
        try {
            return call((c, auth) -> c.register(deployId, auth, env(), null, null, null, null, body), own,
                    "register the app");
        } finally {
            RestClients.close(own);
        }
    }

    /** Calls with the signing key, then with the fallback key on 401/403. */
    private ApiResponse call(BiFunction<InngestApiClient, String, Response> request, InngestApiClient c,
            String what) {
        List<SigningKey> keys = new ArrayList<>(config.signingKeys());
        if (keys.isEmpty()) {
            keys.add(null);
        }
        ApiResponse answer = null;
        for (SigningKey key : keys) {
            answer = once(request, c, key == null ? null : "Bearer " + key.bearerToken(), what);
            if (answer.status() != 401 && answer.status() != 403) {
                return answer;
            }
        }
        return answer;
    }

    private ApiResponse once(BiFunction<InngestApiClient, String, Response> request, InngestApiClient c,
            String authorization, String what) {
        try (Response r = request.apply(c, authorization)) {
            String body = r.hasEntity() ? r.readEntity(String.class) : "";
            return new ApiResponse(r.getStatus(), body == null ? "" : body);
        } catch (ProcessingException e) {
            throw new InngestApiException("could not " + what + " at " + config.apiBaseUrl() + ": " + e.getMessage(),
                    e);
        }
    }

    private String env() {
        return config.env().orElse(null);
    }

    private static String header(Map<String, String> headers, String lowerCaseName) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().toLowerCase(Locale.ROOT).equals(lowerCaseName)) {
                return h.getValue();
            }
        }
        return null;
    }
}
