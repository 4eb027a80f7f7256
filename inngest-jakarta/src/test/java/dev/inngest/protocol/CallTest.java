package dev.inngest.protocol;

import static dev.inngest.protocol.RegistrationApp.signed;
import static dev.inngest.testkit.CallBody.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.InngestConfig;
import dev.inngest.function.FunctionOptions;
import dev.inngest.json.JsonMapper;
import dev.inngest.signature.RequestSigner;
import dev.inngest.signature.SigningKey;
import dev.inngest.testkit.Harness;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST: trust probe, bad input, and the cloud-mode signature gate (protocol.md §1.3, §4.1, §6; TS 17, 18, 23). */
class CallTest {

    static final String JSON = "application/json";
    static final String FN = "fnId=my-app-counted&stepId=step";

    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger stepRuns = new AtomicInteger();

    private Harness withCounted(Harness app) {
        app.inngest.createFunction(FunctionOptions.builder("counted").triggerEvent("test/hello").build(), (ctx, step) -> {
            runs.incrementAndGet();
            return step.run("a", String.class, () -> {
                stepRuns.incrementAndGet();
                return "ran";
            });
        });
        return app;
    }

    private final Harness dev = withCounted(Harness.dev());
    private final Harness cloud = withCounted(Harness.cloud());

    private static ServeResponse checked(ServeResponse r) {
        ProtocolAssertions.assertSdkHeaders(r);
        return r;
    }

    private static JsonObject jsonObject(ServeResponse r) {
        assertEquals(JSON, r.header("Content-Type"));
        return (JsonObject) Harness.json(r);
    }

    private static void assertUnauthorized(ServeResponse r) {
        assertEquals(401, r.status());
        assertEquals(JsonMapper.parse("{\"message\":\"Unauthorized\"}"), Harness.json(r));
        assertNull(r.header("X-Inngest-Signature"));
        ProtocolAssertions.assertSdkHeaders(r);
        ProtocolAssertions.assertNoLeak(r);
    }

    private static void assertSignedBy(String key, ServeResponse r) {
        String sig = r.header("X-Inngest-Signature");
        assertNotNull(sig, "signed response");
        assertTrue(RequestSigner.verify(sig, r.body(), List.of(SigningKey.of(key)), Harness.NOW).isPresent(),
                "response signature valid for the response body with " + key.substring(0, 20));
    }

    private ServeResponse cloudPost(String query, String body, Map<String, String> headers) {
        Map<String, String> h = new HashMap<>(headers);
        h.put("Content-Type", JSON);
        return checked(cloud.request("POST", query, h, body));
    }

    // ---- trust probe ----

    @Test
    void trustProbeInDevModeIs200WithAnEmptyBody() {
        ServeResponse r = checked(dev.post("probe=trust", "{}"));
        assertEquals(200, r.status());
        assertEquals(0, r.body().length);
        assertNull(r.header("X-Inngest-Signature"));
        assertEquals(0, runs.get());
    }

    @Test
    void signedTrustProbeInCloudModeIs200AndSigned() {
        ServeResponse r = checked(cloud.signedPost("probe=trust", "{}", Harness.SIGNING_KEY, Harness.NOW));
        assertEquals(200, r.status());
        assertEquals(0, r.body().length);
        assertSignedBy(Harness.SIGNING_KEY, r);
    }

    @Test
    void trustProbeSignedWithTheFallbackKeyIsSignedWithIt() {
        ServeResponse r = checked(cloud.signedPost("probe=trust", "{}", Harness.FALLBACK_KEY, Harness.NOW));
        assertEquals(200, r.status());
        assertSignedBy(Harness.FALLBACK_KEY, r);
    }

    @Test
    void unsignedTrustProbeInCloudModeIs401() {
        assertUnauthorized(cloudPost("probe=trust", "{}", Map.of()));
    }

    @Test
    void unknownProbeIs400() {
        ServeResponse r = checked(dev.post("probe=bogus", "{}"));
        assertEquals(400, r.status());
        JsonObject body = jsonObject(r);
        assertEquals("Unknown probe \"bogus\"", body.getString("message"));
        assertEquals("Error", body.getString("name"));
        ProtocolAssertions.assertNoLeak(r);
    }

    // ---- bad calls ----

    @Test
    void unknownFunctionIs500WithAMessage() {
        ServeResponse r = checked(dev.post("fnId=nope&stepId=step", call().build()));
        assertEquals(500, r.status());
        JsonObject body = jsonObject(r);
        assertEquals("internal", body.getString("type"));
        assertEquals("Error", body.getString("name"));
        assertEquals("Function \"nope\" was not found in this app; is the app synced correctly?", body.getString("message"));
        assertSame(JsonValue.TRUE, body.get("__serialized"));
        assertNull(r.header("X-Inngest-No-Retry"), "TS sends no no-retry header on internal errors");
        ProtocolAssertions.assertNoLeak(r);
    }

    @Test
    void missingFunctionIdIs500WithAMessage() {
        ServeResponse r = checked(dev.post("stepId=step", call().build()));
        assertEquals(500, r.status());
        JsonObject body = jsonObject(r);
        assertEquals("internal", body.getString("type"));
        assertTrue(body.getString("message").contains("fnId"), body.toString());
        ProtocolAssertions.assertNoLeak(r);
    }

    @Test
    void emptyFunctionIdIs500() {
        ServeResponse r = checked(dev.post("fnId=&stepId=step", call().build()));
        assertEquals(500, r.status());
        assertTrue(jsonObject(r).getString("message").contains("fnId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"event\":", "{'event':{}}", "<xml/>"})
    void nonJsonBodyIs400(String body) {
        ServeResponse r = checked(dev.post(FN, body));
        assertEquals(400, r.status());
        JsonObject json = jsonObject(r);
        assertTrue(json.get("message") instanceof JsonString, json.toString());
        ProtocolAssertions.assertNoLeak(r);
        assertEquals(0, runs.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "x", "{", "1"})
    void emptyOrOneByteBodyIs400(String body) {
        ServeResponse r = checked(dev.post(FN, body));
        assertEquals(400, r.status(), r.bodyText());
        assertTrue(jsonObject(r).get("message") instanceof JsonString);
        ProtocolAssertions.assertNoLeak(r);
        assertEquals(0, runs.get());
    }

    @Test
    void emptyBodyIsAtLeastAJsonErrorWithoutLeaks() {
        // Holds today despite the bug above: whatever the status, no internals are shown.
        ServeResponse r = checked(dev.post(FN, ""));
        assertTrue(r.status() >= 400, r.bodyText());
        assertTrue(jsonObject(r).get("message") instanceof JsonString);
        ProtocolAssertions.assertNoLeak(r);
        assertEquals(0, runs.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "null", "42", "\"text\""})
    void bodyThatIsNotAnObjectIs400(String body) {
        ServeResponse r = checked(dev.post(FN, body));
        assertEquals(400, r.status());
        assertTrue(jsonObject(r).get("message") instanceof JsonString);
        assertEquals(0, runs.get());
    }

    @Test
    void missingEventIs400() {
        String body = "{\"ctx\":{\"run_id\":\"01HRUN0000000000000000000R\",\"attempt\":0,\"stack\":{\"stack\":[],\"current\":0}},"
                + "\"steps\":{},\"version\":-1,\"use_api\":false}";
        ServeResponse r = checked(dev.post(FN, body));
        assertEquals(400, r.status());
        assertTrue(jsonObject(r).getString("message").contains("event"));
        ProtocolAssertions.assertNoLeak(r);
        assertEquals(0, runs.get());
    }

    @Test
    void eventThatIsNotAnObjectIs400() {
        String body = "{\"event\":\"test/hello\",\"ctx\":{},\"steps\":{}}";
        ServeResponse r = checked(dev.post(FN, body));
        assertEquals(400, r.status());
        assertEquals(0, runs.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "PATCH", "OPTIONS"})
    void otherMethodsAre405(String method) {
        for (Harness app : List.of(dev, cloud)) {
            ServeResponse r = checked(app.request(method, FN, Map.of(), ""));
            assertEquals(405, r.status());
            assertTrue(jsonObject(r).getString("message").contains(method));
            assertEquals("GET, PUT, POST", r.header("Allow"));
            ProtocolAssertions.assertNoLeak(r);
        }
        assertEquals(0, runs.get());
    }

    // ---- cloud signature gate ----

    @Test
    void unsignedCallIs401AndRunsNothing() {
        assertUnauthorized(cloudPost(FN, call().build(), Map.of()));
        assertEquals(0, runs.get());
        assertEquals(0, stepRuns.get());
    }

    @Test
    void badSignatureIs401() {
        String sig = "t=" + Harness.NOW.getEpochSecond() + "&s=" + "0".repeat(64);
        assertUnauthorized(cloudPost(FN, call().build(), Map.of("X-Inngest-Signature", sig)));
        assertUnauthorized(cloudPost(FN, call().build(), Map.of("X-Inngest-Signature", "deadbeef")));
        assertUnauthorized(cloudPost(FN, call().build(), Map.of("X-Inngest-Signature", "")));
        assertEquals(0, runs.get());
    }

    @Test
    void expiredSignatureIs401() {
        String body = call().build();
        assertUnauthorized(cloudPost(FN, body, signed(Harness.SIGNING_KEY, body, Harness.NOW.minusSeconds(301), Map.of())));
        assertEquals(0, runs.get());
    }

    @Test
    void futureSignatureIs401() {
        String body = call().build();
        assertUnauthorized(cloudPost(FN, body, signed(Harness.SIGNING_KEY, body, Harness.NOW.plusSeconds(301), Map.of())));
        assertEquals(0, runs.get());
    }

    @Test
    void signatureOfAnotherKeyIs401() {
        String body = call().build();
        assertUnauthorized(cloudPost(FN, body,
                signed("signkey-prod-00112233445566778899aabbccddeeff", body, Harness.NOW, Map.of())));
        assertEquals(0, runs.get());
    }

    @Test
    void tamperedBodyIs401() {
        String body = call().build();
        Map<String, String> h = signed(body, Map.of());
        assertUnauthorized(cloudPost(FN, body.replace("\"x\":2", "\"x\":3"), h));
        assertEquals(0, runs.get());
    }

    @Test
    void unsignedCallOfAnUnknownFunctionIs401Not500() {
        assertUnauthorized(cloudPost("fnId=nope&stepId=step", call().build(), Map.of()));
        assertUnauthorized(cloudPost("stepId=step", "not json", Map.of()));
    }

    @Test
    void signedCallRunsAndItsAnswerIsSignedWithThePrimaryKey() {
        String body = call().build();
        ServeResponse r = checked(cloud.signedPost(FN, body, Harness.SIGNING_KEY, Harness.NOW));
        assertEquals(206, r.status());
        assertEquals(1, runs.get());
        assertEquals(1, stepRuns.get());
        assertSignedBy(Harness.SIGNING_KEY, r);
    }

    @Test
    void signedCallOfAFinishedRunIsSignedToo() {
        String body = call().data("86f7e437faa5a7fce15d1ddcb9eaeaea377667b8", jakarta.json.Json.createValue("ran")).build();
        ServeResponse r = checked(cloud.signedPost(FN, body, Harness.SIGNING_KEY, Harness.NOW));
        assertEquals(200, r.status());
        assertEquals("\"ran\"", r.bodyText());
        assertEquals(0, stepRuns.get());
        assertSignedBy(Harness.SIGNING_KEY, r);
    }

    @Test
    void callSignedWithTheFallbackKeyIsAnsweredWithTheFallbackKey() {
        String body = call().build();
        ServeResponse r = checked(cloud.signedPost(FN, body, Harness.FALLBACK_KEY, Harness.NOW));
        assertEquals(206, r.status());
        assertSignedBy(Harness.FALLBACK_KEY, r);
        assertTrue(RequestSigner.verify(r.header("X-Inngest-Signature"), r.body(),
                List.of(SigningKey.of(Harness.SIGNING_KEY)), Harness.NOW).isEmpty(), "not the primary key");
    }

    @Test
    void signatureFourMinutesOldIsStillAccepted() {
        String body = call().build();
        ServeResponse r = checked(cloud.signedPost(FN, body, Harness.SIGNING_KEY, Harness.NOW.minusSeconds(240)));
        assertEquals(206, r.status());
        String sig = r.header("X-Inngest-Signature");
        assertTrue(sig.startsWith("t=" + Harness.NOW.getEpochSecond() + "&"), "the answer is signed at the current time");
    }

    @Test
    void signedBadRequestsAreAnsweredSignedAndWithoutLeaks() {
        for (String[] c : new String[][] {{"fnId=nope&stepId=step", call().build()}, {"stepId=step", call().build()},
                {FN, "not json"}, {FN, "{}"}, {"probe=bogus", "{}"}}) {
            ServeResponse r = checked(cloud.signedPost(c[0], c[1], Harness.SIGNING_KEY, Harness.NOW));
            assertTrue(r.status() == 400 || r.status() == 500, c[0] + " " + r.status());
            assertSignedBy(Harness.SIGNING_KEY, r);
            ProtocolAssertions.assertNoLeak(r);
        }
        assertEquals(0, runs.get());
    }

    // ---- cloud mode without a signing key ----

    @Test
    void cloudModeWithoutSigningKeyIs500ForEveryMethod() {
        Harness noKey = withCounted(new Harness(InngestConfig.builder("my-app").dev(false).build()));
        String body = call().build();
        for (String method : List.of("GET", "PUT", "POST")) {
            ServeResponse r = checked(noKey.request(method, FN, Map.of("Content-Type", JSON), body));
            assertEquals(500, r.status(), method);
            JsonObject json = jsonObject(r);
            assertTrue(json.getString("message").contains("INNGEST_SIGNING_KEY"), json.toString());
            assertTrue(json.getString("message").contains("cloud mode"), json.toString());
            ProtocolAssertions.assertNoLeak(r);
        }
        assertTrue(noKey.apiCalls.isEmpty(), "no sync without a key");
        assertEquals(0, runs.get());
    }

    @Test
    void cloudModeWithOnlyAFallbackKeyIsAlso500() {
        Harness noKey = withCounted(new Harness(InngestConfig.builder("my-app").dev(false)
                .signingKeyFallback(Harness.FALLBACK_KEY).build()));
        String body = call().build();
        ServeResponse r = checked(noKey.signedPost(FN, body, Harness.FALLBACK_KEY, Harness.NOW));
        assertEquals(500, r.status());
        ProtocolAssertions.assertNoLeak(r);
        assertEquals(0, runs.get());
    }
}
