package dev.inngest.testkit;

import dev.inngest.Inngest;
import dev.inngest.InngestConfig;
import dev.inngest.api.ApiResponse;
import dev.inngest.api.InngestApi;
import dev.inngest.event.Event;
import dev.inngest.json.JsonMapper;
import dev.inngest.protocol.ServeRequest;
import dev.inngest.protocol.ServeResponse;
import dev.inngest.signature.RequestSigner;
import dev.inngest.signature.SigningKey;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An app served by the real protocol engine, with the Inngest API and the event API recorded in memory,
 * and a fixed clock. Requests are built the way the Inngest server builds them.
 */
public final class Harness {

    /** The signing key of protocol.md's worked example. */
    public static final String SIGNING_KEY = "signkey-test-8ee2262a15e8d3c42d6a840db7af3de2aab08ef632b32a37a687f24b34dba3ff";
    /** Another key, for fallback tests. */
    public static final String FALLBACK_KEY = "signkey-test-0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
    /** The serve URL. */
    public static final URI SERVE_URL = URI.create("https://example.com/api/inngest");
    /** The fixed time of every request. */
    public static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    /** A recorded call to the Inngest API. */
    public record ApiCall(String what, String argument, Map<String, String> headers, String body) {
    }

    public final List<ApiCall> apiCalls = new ArrayList<>();
    public final List<List<Event>> sentEvents = new ArrayList<>();
    public final Map<String, ApiResponse> apiAnswers = new LinkedHashMap<>();
    private final AtomicInteger eventIds = new AtomicInteger();
    public final Inngest inngest;

    /**
     * @param config the app's configuration
     */
    public Harness(InngestConfig config) {
        InngestApi api = new InngestApi() {
            @Override
            public ApiResponse register(String deployId, Map<String, String> headers, String body) {
                apiCalls.add(new ApiCall("register", deployId, headers, body));
                return apiAnswers.getOrDefault("register", new ApiResponse(200, "{\"ok\":true,\"modified\":true}"));
            }

            @Override
            public ApiResponse runBatch(String runId) {
                apiCalls.add(new ApiCall("batch", runId, Map.of(), null));
                return apiAnswers.getOrDefault("batch", new ApiResponse(404, "{\"error\":\"run not found\"}"));
            }

            @Override
            public ApiResponse runActions(String runId) {
                apiCalls.add(new ApiCall("actions", runId, Map.of(), null));
                return apiAnswers.getOrDefault("actions", new ApiResponse(404, "{\"error\":\"run not found\"}"));
            }
        };
        this.inngest = Inngest.builder(config)
                .api(api)
                .events(batch -> {
                    sentEvents.add(batch);
                    List<String> ids = new ArrayList<>();
                    batch.forEach(e -> ids.add("01EVT" + eventIds.incrementAndGet()));
                    return ids;
                })
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    /** @return an app "my-app" in dev mode */
    public static Harness dev() {
        return new Harness(InngestConfig.builder("my-app").dev(true).build());
    }

    /** @return an app "my-app" in cloud mode with the example signing key and an event key */
    public static Harness cloud() {
        return new Harness(InngestConfig.builder("my-app").dev(false).signingKey(SIGNING_KEY)
                .signingKeyFallback(FALLBACK_KEY).eventKey("my-event-key").build());
    }

    /**
     * @param method the HTTP method
     * @param query the query string without {@code ?}, or null
     * @param headers request headers
     * @param body the body text
     * @return the engine's answer
     */
    public ServeResponse request(String method, String query, Map<String, String> headers, String body) {
        URI url = URI.create(SERVE_URL + (query == null ? "" : "?" + query));
        return inngest.handler().handle(new ServeRequest(method, url, headers,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @param query the query string
     * @param body the body
     * @return the answer to an unsigned POST
     */
    public ServeResponse post(String query, String body) {
        return request("POST", query, Map.of("Content-Type", "application/json"), body);
    }

    /**
     * @param query the query string
     * @param body the body
     * @param key the key to sign with
     * @param at the signing time
     * @return the answer to a signed POST
     */
    public ServeResponse signedPost(String query, String body, String key, Instant at) {
        String sig = RequestSigner.sign(body.getBytes(StandardCharsets.UTF_8), SigningKey.of(key), at);
        return request("POST", query, Map.of("Content-Type", "application/json", "X-Inngest-Signature", sig), body);
    }

    /**
     * @param response an answer
     * @return its body parsed
     */
    public static JsonValue json(ServeResponse response) {
        return JsonMapper.parse(response.body());
    }
}
