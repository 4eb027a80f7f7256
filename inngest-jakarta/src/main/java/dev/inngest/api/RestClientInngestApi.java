package dev.inngest.api;

import dev.inngest.InngestConfig;
import dev.inngest.Sdk;
import dev.inngest.signature.SigningKey;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * {@link InngestApi} on MicroProfile Rest Client: the bearer of the signing key, then of the fallback key
 * when Inngest answers 401 or 403.
 */
public final class RestClientInngestApi implements InngestApi {

    private static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    private final InngestConfig config;

    /**
     * @param config the URLs, keys and timeouts
     */
    public RestClientInngestApi(InngestConfig config) {
        this.config = config;
    }

    @Override
    public ApiResponse register(String deployId, Map<String, String> headers, String body) {
        return call(headers, client -> client.register(deployId, body), "register the app");
    }

    @Override
    public ApiResponse runBatch(String runId) {
        return call(Map.of(), client -> client.batch(runId), "fetch the events of run " + runId);
    }

    @Override
    public ApiResponse runActions(String runId) {
        return call(Map.of(), client -> client.actions(runId), "fetch the steps of run " + runId);
    }

    private ApiResponse call(Map<String, String> extra, Function<InngestApiClient, Response> request, String what) {
        List<SigningKey> keys = new ArrayList<>(config.signingKeys());
        if (keys.isEmpty()) {
            keys.add(null);
        }
        ApiResponse answer = null;
        for (SigningKey key : keys) {
            answer = once(key, extra, request, what);
            if (answer.status() != 401 && answer.status() != 403) {
                return answer;
            }
        }
        return answer;
    }

    private ApiResponse once(SigningKey key, Map<String, String> extra, Function<InngestApiClient, Response> request,
            String what) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", Sdk.USER_AGENT);
        headers.put("X-Inngest-SDK", Sdk.USER_AGENT);
        if (key != null) {
            headers.put("Authorization", "Bearer " + key.bearerToken());
        }
        config.env().ifPresent(env -> headers.put("X-Inngest-Env", env));
        headers.putAll(extra);
        ClientRequestFilter addHeaders = ctx -> headers.forEach((k, v) -> ctx.getHeaders().putSingle(k, v));
        InngestApiClient client = RestClientBuilder.newBuilder()
                .baseUri(config.apiBaseUrl())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property(DISABLE_DEFAULT_MAPPER, true)
                .register(addHeaders)
                .build(InngestApiClient.class);
        try (Response r = request.apply(client)) {
            String body = r.hasEntity() ? r.readEntity(String.class) : "";
            return new ApiResponse(r.getStatus(), body == null ? "" : body);
        } catch (ProcessingException e) {
            throw new InngestApiException("could not " + what + " at " + config.apiBaseUrl() + ": " + e.getMessage(), e);
        } finally {
            if (client instanceof AutoCloseable) {
                try {
                    ((AutoCloseable) client).close();
                } catch (Exception ignored) {
                    // closing a finished client cannot lose anything
                }
            }
        }
    }
}
