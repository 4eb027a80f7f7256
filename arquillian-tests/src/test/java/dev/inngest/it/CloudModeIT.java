package dev.inngest.it;

import static dev.inngest.it.ItSupport.object;
import static dev.inngest.it.ItSupport.stepHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.executor.Run;
import dev.inngest.executor.RunStatus;
import dev.inngest.signature.RequestSigner;
import dev.inngest.signature.SigningKey;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real sample WAR in cloud mode ({@code inngest.dev=false}) with a signing key and a fallback key, its API
 * and event API pointed at a {@link dev.inngest.executor.LocalExecutor} that signs its calls with the primary key.
 * Signatures are made with the real current time (the endpoint checks them against its own clock), so this
 * executor runs on the system clock.
 */
@ExtendWith(ArquillianExtension.class)
class CloudModeIT {

    /** The worked example of protocol.md §6; its hashes there are known. */
    static final String SIGNING_KEY = "signkey-test-8ee2262a15e8d3c42d6a840db7af3de2aab08ef632b32a37a687f24b34dba3ff";
    static final String FALLBACK_KEY = "signkey-test-b2311a68528296198aaab33b23cde9db207655ec9f8b845327f226d0c4c76504";
    static final String OTHER_KEY = "signkey-test-0000000000000000000000000000000000000000000000000000000000000bad";
    static final String EVENT_KEY = "it-event-key";
    /** protocol.md §7.3: Bearer signkey-test-hex(SHA-256(hexDecode(key))), observed from the TypeScript SDK. */
    static final String BEARER = "Bearer signkey-test-e4bf4a2e7f55c7eb954b6e72f8f69628fbc409fe7da6d0f6958770987dcf0e02";
    static final String HELLO = "sample-app-hello";

    private static ExecutorFixture inngest;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        inngest = ExecutorFixture.start(Clock.systemUTC(), SIGNING_KEY);
        String api = inngest.url().toString();
        // bean-discovery-mode "all": the sample's own functions must still be found
        return ItSupport.sampleWar(Map.of(
            "inngest.app-id", "sample-app",
            "inngest.dev", "false",
            "inngest.signing-key", SIGNING_KEY,
            "inngest.signing-key-fallback", FALLBACK_KEY,
            "inngest.event-key", EVENT_KEY,
            "inngest.api-base-url", api,
            "inngest.event-api-base-url", api))
            .addAsWebInfResource(ItSupport.beansXml("all"), "beans.xml");
    }

    @AfterAll
    static void stopExecutor() {
        if (inngest != null) {
            inngest.close();
        }
    }

    // ---- calls ----

    @Test
    void anUnsignedCallIsUnauthorized() {
        HttpResponse<String> r = call(helloBody("run-unsigned"), null);
        assertUnauthorized(r);
    }

    @Test
    void aCallSignedWithAnotherKeyOrOverAnotherBodyIsUnauthorized() {
        String body = helloBody("run-bad");
        assertUnauthorized(call(body, sign(body, OTHER_KEY, Instant.now())));
        assertUnauthorized(call(body, sign(helloBody("run-other-body"), SIGNING_KEY, Instant.now())));
        assertUnauthorized(call(body, "t=" + Instant.now().getEpochSecond() + "&s=nothex"));
    }

    @Test
    void aSignatureOlderOrNewerThanFiveMinutesIsUnauthorized() {
        String body = helloBody("run-expired");
        assertUnauthorized(call(body, sign(body, SIGNING_KEY, Instant.now().minus(Duration.ofMinutes(10)))));
        assertUnauthorized(call(body, sign(body, SIGNING_KEY, Instant.now().plus(Duration.ofMinutes(10)))));
    }

    @Test
    void aSignedCallRunsAndItsAnswerIsSignedWithTheSameKey() {
        String body = helloBody("run-signed");
        HttpResponse<String> r = call(body, sign(body, SIGNING_KEY, Instant.now()));
        assertStepRan(r, "run-signed");
        assertEquals(Optional.of(hash(SIGNING_KEY)), responseKey(r, SIGNING_KEY, FALLBACK_KEY));

        // a trust probe is a signed POST too
        HttpResponse<String> probe = ItSupport.send(ItSupport.resolve(base, "/api/inngest?probe=trust"), "POST",
            Map.of("X-Inngest-Signature", sign("", SIGNING_KEY, Instant.now())), new byte[0]);
        assertEquals(200, probe.statusCode(), probe.body());
        assertUnauthorized(ItSupport.send(ItSupport.resolve(base, "/api/inngest?probe=trust"), "POST", Map.of(), new byte[0]));
    }

    @Test
    void aCallSignedWithTheFallbackKeyIsAcceptedAndAnsweredWithThatKey() {
        String body = helloBody("run-fallback");
        HttpResponse<String> r = call(body, sign(body, FALLBACK_KEY, Instant.now()));
        assertStepRan(r, "run-fallback");
        assertEquals(Optional.of(hash(FALLBACK_KEY)), responseKey(r, SIGNING_KEY, FALLBACK_KEY),
            "the key that verified the request signs the answer");
    }

    // ---- introspection ----

    @Test
    void unsignedIntrospectionShowsNoKeysOrUrls() {
        HttpResponse<String> r = ItSupport.send(base, "GET", "/api/inngest", Map.of(), null);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject expected = Json.createObjectBuilder()
            .add("extra", Json.createObjectBuilder().add("is_streaming", false))
            .add("has_event_key", true)
            .add("has_signing_key", true)
            .add("has_signing_key_fallback", true)
            .add("function_count", 7)
            .add("mode", "cloud")
            .add("schema_version", "2024-05-24")
            .add("authentication_succeeded", JsonValue.NULL)
            .build();
        assertEquals(expected, object(r.body()));
        assertTrue(r.headers().firstValue("X-Inngest-Signature").isEmpty());

        HttpResponse<String> bad = ItSupport.send(base, "GET", "/api/inngest",
            Map.of("X-Inngest-Signature", sign("", OTHER_KEY, Instant.now())), null);
        assertEquals(200, bad.statusCode(), bad.body());
        JsonObject badBody = object(bad.body());
        assertEquals(JsonValue.FALSE, badBody.get("authentication_succeeded"));
        assertEquals(expected.keySet(), badBody.keySet());
    }

    @Test
    void signedIntrospectionShowsTheAppAndTheKeyHashes() {
        HttpResponse<String> r = ItSupport.send(base, "GET", "/api/inngest",
            Map.of("X-Inngest-Signature", sign("", SIGNING_KEY, Instant.now())), null);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject body = object(r.body());
        assertEquals(JsonValue.TRUE, body.get("authentication_succeeded"), r.body());
        assertEquals("cloud", body.getString("mode"));
        assertEquals("sample-app", body.getString("app_id"));
        assertEquals(7, body.getInt("function_count"));
        assertEquals("e4bf4a2e7f55", body.getString("signing_key_hash"), "protocol.md §1.1: first 12 hex of the hashed key");
        assertEquals(SigningKey.of(FALLBACK_KEY).shortHash(), body.getString("signing_key_fallback_hash"));
        assertEquals(12, body.getString("signing_key_fallback_hash").length());
        assertEquals(SigningKey.sha256Hex(EVENT_KEY.getBytes(StandardCharsets.UTF_8)), body.getString("event_key_hash"));
        assertEquals(inngest.url().toString(), body.getString("api_origin"));
        assertEquals(inngest.url().toString(), body.getString("event_api_origin"));
        assertEquals("java", body.getString("sdk_language"));
        assertFalse(r.body().contains(SIGNING_KEY.substring("signkey-test-".length())), "never the key itself");
        assertEquals(Optional.of(hash(SIGNING_KEY)), responseKey(r, SIGNING_KEY, FALLBACK_KEY));
    }

    // ---- sync and a run, signed both ways ----

    @Test
    void aCloudSyncAuthenticatesAndTheExecutorsSignedCallsRunTheFunction() {
        HttpResponse<String> r = ItSupport.send(ItSupport.resolve(base, "/api/inngest"), "PUT",
            Map.of("X-Inngest-Server-Kind", "cloud", "X-Inngest-Signature", sign("", SIGNING_KEY, Instant.now())),
            new byte[0]);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("Successfully synced.", object(r.body()).getString("message"));
        assertEquals(Optional.of(hash(SIGNING_KEY)), responseKey(r, SIGNING_KEY, FALLBACK_KEY));
        List<ExecutorFixture.Received> registers = inngest.received("POST", "/fn/register");
        assertEquals(1, registers.size());
        assertEquals(BEARER, registers.get(0).headers().get("Authorization"));
        assertEquals("cloud", registers.get(0).headers().get("X-Inngest-Expected-Server-Kind"));
        assertEquals(7, inngest.executor.functionIds().size());
        assertTrue(inngest.executor.functionIds().contains(HELLO), inngest.executor.functionIds().toString());

        String eventId = inngest.executor.send("demo/hello", Json.createObjectBuilder().add("name", "Grace").build());
        inngest.executor.runUntilIdle();
        Run run = inngest.executor.runs(HELLO).stream().filter(x -> eventId.equals(x.event().getString("id")))
            .findFirst().orElseThrow();
        assertEquals(RunStatus.COMPLETED, run.status(), inngest::describeCalls);
        assertEquals("Hello Grace (run " + run.id() + ")", run.output(String.class));
        List<ExecutorFixture.Call> calls = inngest.callsOf(run.id());
        assertFalse(calls.isEmpty());
        for (ExecutorFixture.Call c : calls) {
            assertTrue(RequestSigner.verify(c.headers().get("X-Inngest-Signature"), c.body().getBytes(StandardCharsets.UTF_8),
                List.of(SigningKey.of(SIGNING_KEY)), Instant.now()).isPresent(), "the executor signs its calls");
            assertTrue(RequestSigner.verify(c.responseHeaders().get("X-Inngest-Signature"),
                c.responseBody().getBytes(StandardCharsets.UTF_8), List.of(SigningKey.of(SIGNING_KEY)), Instant.now()).isPresent(),
                "the app signs its answers");
        }
    }

    // ---- helpers ----

    /** A first call (discovery) of sample-app-hello, as the server sends it: version -1, no steps yet. */
    private static String helloBody(String runId) {
        JsonObject event = Json.createObjectBuilder().add("data", Json.createObjectBuilder().add("name", "Ada"))
            .add("id", "evt-" + runId).add("name", "demo/hello").add("ts", 1796400000000L).add("user", JsonValue.EMPTY_JSON_OBJECT)
            .build();
        JsonObject ctx = Json.createObjectBuilder().add("attempt", 0).add("disable_immediate_execution", false).add("env", "")
            .add("fn_id", "00000000-0000-0000-0000-000000000001").add("max_attempts", 5).add("qi_id", "qi-" + runId)
            .add("request_id", "req-" + runId).add("run_id", runId)
            .add("stack", Json.createObjectBuilder().add("current", 0).add("stack", JsonValue.EMPTY_JSON_ARRAY))
            .add("step_id", "step").add("use_api", false).build();
        return dev.inngest.json.JsonMapper.write(Json.createObjectBuilder().add("ctx", ctx).add("defers", JsonValue.EMPTY_JSON_OBJECT)
            .add("event", event).add("events", Json.createArrayBuilder().add(event)).add("steps", JsonValue.EMPTY_JSON_OBJECT)
            .add("use_api", false).add("version", -1).build());
    }

    private HttpResponse<String> call(String body, String signature) {
        URI uri = ItSupport.resolve(base, "/api/inngest?fnId=" + HELLO + "&stepId=step");
        Map<String, String> headers = signature == null ? Map.of("Content-Type", "application/json")
            : Map.of("Content-Type", "application/json", "X-Inngest-Signature", signature);
        return ItSupport.send(uri, "POST", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String body, String key, Instant at) {
        return RequestSigner.sign(body.getBytes(StandardCharsets.UTF_8), SigningKey.of(key), at);
    }

    /** @return the short hash of the key (of those given) that signed the answer, if any did */
    private static Optional<String> responseKey(HttpResponse<String> r, String... keys) {
        String header = r.headers().firstValue("X-Inngest-Signature").orElse(null);
        return RequestSigner.verify(header, r.body().getBytes(StandardCharsets.UTF_8),
            java.util.Arrays.stream(keys).map(SigningKey::of).toList(), Instant.now()).map(SigningKey::shortHash);
    }

    private static String hash(String key) {
        return SigningKey.of(key).shortHash();
    }

    private static void assertUnauthorized(HttpResponse<String> r) {
        assertEquals(401, r.statusCode(), r.body());
        assertEquals(object("{\"message\":\"Unauthorized\"}"), object(r.body()));
        assertTrue(r.headers().firstValue("X-Inngest-Signature").isEmpty(), "an unauthenticated answer is not signed");
    }

    private static void assertStepRan(HttpResponse<String> r, String runId) {
        assertTrue(r.statusCode() == 206 || r.statusCode() == 200, r.statusCode() + " " + r.body());
        assertTrue(r.headers().firstValue("X-Inngest-Signature").isPresent(), "a signed call gets a signed answer");
        JsonArray ops = ItSupport.array(r.body());
        assertEquals(1, ops.size(), r.body());
        JsonObject op = ops.getJsonObject(0);
        assertEquals("StepRun", op.getString("op"));
        assertEquals(stepHash("greet"), op.getString("id"));
        assertEquals("Hello Ada (run " + runId + ")", op.getString("data"));
        assertNull(op.get("error"));
    }
}
