package dev.inngest.api;

import static dev.inngest.api.LoopbackServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.InngestConfig;
import dev.inngest.Sdk;
import dev.inngest.signature.SigningKey;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Inngest API calls over real HTTP with RESTEasy's MicroProfile Rest Client. */
class InngestApiRestClientTest {

    private static final String KEY = "signkey-test-8ee2262a15e8d3c42d6a840db7af3de2aab08ef632b32a37a687f24b34dba3ff";
    private static final String BEARER =
            "Bearer signkey-test-e4bf4a2e7f55c7eb954b6e72f8f69628fbc409fe7da6d0f6958770987dcf0e02";
    private static final String FALLBACK =
            "signkey-test-0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private LoopbackServer server;
    private RestClientInngestApi api;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() throws IOException {
        if (api != null) {
            api.close();
        }
        server.close();
    }

    private RestClientInngestApi api(InngestConfig.Builder b) {
        api = new RestClientInngestApi(b.apiBaseUrl(server.baseUri()).build());
        return api;
    }

    private static Map<String, String> syncHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Inngest-Framework", "jaxrs");
        h.put("X-Inngest-Sync-Kind", "out_of_band");
        h.put("x-inngest-sdk-handled", "true");
        h.put("X-Inngest-Expected-Server-Kind", "cloud");
        return h;
    }

    @Test
    void registerCarriesTheHashedKeyAndTheSyncHeaders() {
        server.then(json(200, "{\"ok\":true,\"modified\":true}"));
        ApiResponse answer = api(InngestConfig.builder("shop").dev(false).signingKey(KEY).env("branch-1"))
                .register("d-1", syncHeaders(), "{\"appName\":\"shop\"}");

        assertEquals(200, answer.status());
        assertEquals("{\"ok\":true,\"modified\":true}", answer.body());
        LoopbackServer.Request r = server.requests().get(0);
        assertEquals("POST", r.method());
        assertEquals("/fn/register", r.path());
        assertEquals("deployId=d-1", r.query());
        assertEquals(BEARER, r.header("Authorization"));
        assertEquals(Sdk.USER_AGENT, r.header("User-Agent"));
        assertEquals(Sdk.USER_AGENT, r.header("X-Inngest-SDK"));
        assertEquals("branch-1", r.header("X-Inngest-Env"));
        assertEquals("jaxrs", r.header("X-Inngest-Framework"));
        assertEquals("out_of_band", r.header("X-Inngest-Sync-Kind"));
        assertEquals("true", r.header("x-inngest-sdk-handled"));
        assertEquals("cloud", r.header("X-Inngest-Expected-Server-Kind"));
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        assertEquals("{\"appName\":\"shop\"}", r.body());
    }

    @Test
    void registerWithoutDeployIdOrOptionalHeaders() {
        server.then(json(200, "{}"));
        api(InngestConfig.builder("shop").dev(false).signingKey(KEY)).register(null, Map.of(), "{}");
        LoopbackServer.Request r = server.requests().get(0);
        assertEquals("", r.query());
        assertNull(r.header("X-Inngest-Env"));
        assertNull(r.header("X-Inngest-Expected-Server-Kind"));
    }

    @Test
    void registerPassesOtherHeadersThrough() {
        server.then(json(200, "{}"));
        api(InngestConfig.builder("shop").dev(false).signingKey(KEY))
                .register(null, Map.of("X-Something-New", "yes"), "{}");
        LoopbackServer.Request r = server.requests().get(0);
        assertEquals("yes", r.header("X-Something-New"));
        assertEquals(BEARER, r.header("Authorization"));
    }

    @Test
    void runBatchAndActionsCarryTheHashedKey() {
        server.then(json(200, "[{\"name\":\"a/b\",\"data\":{}}]"), json(200, "{\"step\":{\"data\":1}}"));
        RestClientInngestApi a = api(InngestConfig.builder("shop").dev(false).signingKey(KEY));

        assertEquals("[{\"name\":\"a/b\",\"data\":{}}]", a.runBatch("01RUN").body());
        assertEquals("{\"step\":{\"data\":1}}", a.runActions("01RUN").body());
        List<LoopbackServer.Request> rs = server.requests();
        assertEquals("GET", rs.get(0).method());
        assertEquals("/v0/runs/01RUN/batch", rs.get(0).path());
        assertEquals("/v0/runs/01RUN/actions", rs.get(1).path());
        assertEquals(List.of(BEARER, BEARER), server.headerValues("Authorization"));
        assertEquals(List.of(Sdk.USER_AGENT, Sdk.USER_AGENT), server.headerValues("X-Inngest-SDK"));
    }

    @Test
    void a401IsRetriedOnceWithTheFallbackKey() {
        server.then(json(401, "{\"error\":\"unauthorized\"}"), json(200, "{\"ok\":true}"));
        ApiResponse answer = api(InngestConfig.builder("shop").dev(false).signingKey(KEY)
                .signingKeyFallback(FALLBACK)).register(null, syncHeaders(), "{}");

        assertEquals(200, answer.status());
        assertEquals(List.of(BEARER, "Bearer " + SigningKey.of(FALLBACK).bearerToken()),
                server.headerValues("Authorization"));
    }

    @Test
    void a403OnBothKeysComesBack() {
        server.otherwise(json(403, "{\"error\":\"forbidden\"}"));
        ApiResponse answer = api(InngestConfig.builder("shop").dev(false).signingKey(KEY)
                .signingKeyFallback(FALLBACK)).runActions("r");
        assertEquals(403, answer.status());
        assertEquals(2, server.requests().size());
    }

    @Test
    void a401WithoutAFallbackIsNotRepeated() {
        server.otherwise(json(401, "{\"error\":\"unauthorized\"}"));
        assertEquals(401, api(InngestConfig.builder("shop").dev(false).signingKey(KEY)).runBatch("r").status());
        assertEquals(1, server.requests().size());
    }

    @Test
    void devModeWithoutAKeySendsNoAuthorization() {
        server.then(json(200, "{}"));
        api(InngestConfig.builder("shop").dev(true)).register(null, syncHeaders(), "{}");
        assertNull(server.requests().get(0).header("Authorization"));
    }

    @Test
    void anUnreachableApiIsAnInngestApiException() throws IOException {
        java.net.URI closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = java.net.URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
        }
        api = new RestClientInngestApi(InngestConfig.builder("shop").dev(true).apiBaseUrl(closed).build());
        InngestApiException e = assertThrows(InngestApiException.class, () -> api.runBatch("r"));
        assertTrue(e.getMessage().contains("fetch the events of run r"), e.getMessage());
    }
}
