package dev.inngest.protocol;

import static dev.inngest.protocol.RegistrationApp.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.InngestConfig;
import dev.inngest.Sdk;
import dev.inngest.signature.RequestSigner;
import dev.inngest.signature.SigningKey;
import dev.inngest.testkit.Golden;
import dev.inngest.testkit.Harness;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET: the unauthenticated and authenticated introspection bodies (protocol.md §1.1, TS 02a–02d). */
class IntrospectionTest {

    /** Keys only an authenticated caller may see. */
    static final List<String> PRIVATE_KEYS = List.of("api_origin", "app_id", "capabilities", "env", "event_api_origin",
            "event_key_hash", "framework", "sdk_language", "sdk_version", "serve_origin", "serve_path",
            "signing_key_hash", "signing_key_fallback_hash");

    private final Harness cloud = RegistrationApp.install(Harness.cloud());

    private ServeResponse get(Harness app, Map<String, String> headers) {
        ServeResponse r = app.request("GET", null, headers, "");
        ProtocolAssertions.assertSdkHeaders(r);
        return r;
    }

    @Test
    void devGet() {
        ServeResponse r = get(RegistrationApp.install(Harness.dev()), Map.of());

        Golden.assertResponse("introspection-dev", r);
        assertEquals(200, r.status());
        JsonObject body = (JsonObject) Harness.json(r);
        assertEquals("dev", body.getString("mode"));
        assertEquals("2024-05-24", body.getString("schema_version"));
        assertEquals(RegistrationApp.FUNCTION_COUNT, body.getInt("function_count"), "failure functions count");
        assertEquals(JsonValue.FALSE, body.get("has_event_key"));
        assertEquals(JsonValue.FALSE, body.get("has_signing_key"));
        assertFalse(body.containsKey("authentication_succeeded"), "dev mode does not authenticate");
        PRIVATE_KEYS.forEach(k -> assertFalse(body.containsKey(k), k));
        assertNull(r.header("X-Inngest-Signature"));
    }

    @Test
    void devGetIgnoresSignatures() {
        Harness dev = RegistrationApp.install(Harness.dev());
        ServeResponse r = get(dev, Map.of("X-Inngest-Signature", "t=1&s=deadbeef"));
        assertEquals(200, r.status());
        assertFalse(((JsonObject) Harness.json(r)).containsKey("authentication_succeeded"));
    }

    @Test
    void cloudUnsignedGetGetsTheUnauthenticatedBody() {
        ServeResponse r = get(cloud, Map.of());

        Golden.assertResponse("introspection-cloud-unsigned", r);
        assertEquals(200, r.status(), "TS 4.24 answers 401 here; we answer the unauthenticated body");
        JsonObject body = (JsonObject) Harness.json(r);
        assertSame(JsonValue.NULL, body.get("authentication_succeeded"));
        assertEquals("cloud", body.getString("mode"));
        assertEquals(JsonValue.TRUE, body.get("has_event_key"));
        assertEquals(JsonValue.TRUE, body.get("has_signing_key"));
        assertEquals(JsonValue.TRUE, body.get("has_signing_key_fallback"));
        assertEquals(RegistrationApp.FUNCTION_COUNT, body.getInt("function_count"));
        PRIVATE_KEYS.forEach(k -> assertFalse(body.containsKey(k), k));
        ProtocolAssertions.assertNoLeak(r);
        assertNull(r.header("X-Inngest-Signature"));
    }

    @Test
    void cloudGetWithABadSignatureSaysAuthenticationFailed() {
        ServeResponse r = get(cloud, Map.of("X-Inngest-Signature", "t=" + Harness.NOW.getEpochSecond() + "&s=deadbeef"));
        assertEquals(200, r.status());
        JsonObject body = (JsonObject) Harness.json(r);
        assertSame(JsonValue.FALSE, body.get("authentication_succeeded"));
        PRIVATE_KEYS.forEach(k -> assertFalse(body.containsKey(k), k));
        ProtocolAssertions.assertNoLeak(r);
        assertNull(r.header("X-Inngest-Signature"));
    }

    @Test
    void cloudGetWithAnExpiredOrForeignSignatureSaysAuthenticationFailed() {
        for (Map<String, String> h : List.of(
                signed(Harness.SIGNING_KEY, "", Harness.NOW.minusSeconds(301), Map.of()),
                signed(Harness.SIGNING_KEY, "", Harness.NOW.plusSeconds(301), Map.of()),
                signed("signkey-test-00112233445566778899aabbccddeeff", "", Harness.NOW, Map.of()),
                Map.of("X-Inngest-Signature", "garbage"))) {
            ServeResponse r = get(cloud, h);
            JsonObject body = (JsonObject) Harness.json(r);
            assertSame(JsonValue.FALSE, body.get("authentication_succeeded"), h.toString());
            ProtocolAssertions.assertNoLeak(r);
        }
    }

    @Test
    void cloudSignedGetGetsTheAuthenticatedBody() {
        ServeResponse r = get(cloud, signed("", Map.of()));

        Golden.assertResponse("introspection-cloud-signed", r);
        assertEquals(200, r.status());
        JsonObject body = (JsonObject) Harness.json(r);
        assertSame(JsonValue.TRUE, body.get("authentication_succeeded"));
        assertEquals("cloud", body.getString("mode"));
        assertEquals("e4bf4a2e7f55", body.getString("signing_key_hash"));
        assertEquals(SigningKey.of(Harness.FALLBACK_KEY).shortHash(), body.getString("signing_key_fallback_hash"));
        assertEquals("756db3455bd70816c089ed7fcd514ab0e66cf5cdf62ccb7a3bca66d96ee3132c", body.getString("event_key_hash"));
        assertEquals(RegistrationApp.FUNCTION_COUNT, body.getInt("function_count"), "failure functions count");
        assertEquals("https://api.inngest.com/", body.getString("api_origin"));
        assertEquals("https://inn.gs/", body.getString("event_api_origin"));
        assertEquals("my-app", body.getString("app_id"));
        assertEquals("jaxrs", body.getString("framework"));
        assertEquals("java", body.getString("sdk_language"));
        assertEquals(Sdk.VERSION, body.getString("sdk_version"));
        assertSame(JsonValue.NULL, body.get("env"));
        assertSame(JsonValue.NULL, body.get("serve_origin"));
        assertSame(JsonValue.NULL, body.get("serve_path"));
        assertEquals("{\"trust_probe\":\"v1\",\"in_band_sync\":\"v1\"}", body.getJsonObject("capabilities").toString());
        String bodyText = r.bodyText();
        assertFalse(bodyText.contains(Harness.SIGNING_KEY.substring(13)), "never the key itself");
        assertFalse(bodyText.contains("my-event-key"), "never the event key itself");
    }

    @Test
    void signedGetAnswerCarriesASignatureOverItsBody() {
        ServeResponse r = get(cloud, signed("", Map.of()));
        String sig = r.header("X-Inngest-Signature");
        assertNotNull(sig);
        assertTrue(sig.startsWith("t=" + Harness.NOW.getEpochSecond() + "&s="), sig);
        assertSame(SigningKey.class, RequestSigner.verify(sig, r.body(), List.of(SigningKey.of(Harness.SIGNING_KEY)),
                Harness.NOW).orElseThrow().getClass());
        byte[] other = (r.bodyText() + " ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(RequestSigner.verify(sig, other, List.of(SigningKey.of(Harness.SIGNING_KEY)), Harness.NOW).isEmpty());
    }

    @Test
    void getSignedWithTheFallbackKeyIsAnsweredWithTheFallbackKey() {
        ServeResponse r = get(cloud, signed(Harness.FALLBACK_KEY, "", Harness.NOW, Map.of()));
        assertSame(JsonValue.TRUE, ((JsonObject) Harness.json(r)).get("authentication_succeeded"));
        String sig = r.header("X-Inngest-Signature");
        assertTrue(RequestSigner.verify(sig, r.body(), List.of(SigningKey.of(Harness.FALLBACK_KEY)), Harness.NOW).isPresent());
        assertTrue(RequestSigner.verify(sig, r.body(), List.of(SigningKey.of(Harness.SIGNING_KEY)), Harness.NOW).isEmpty());
    }

    @Test
    void authenticatedBodyShowsEnvAndServeOverrides() {
        Harness app = new Harness(InngestConfig.builder("my-app").dev(false).signingKey(Harness.SIGNING_KEY)
                .env("feature-x").serveOrigin("https://shop.example.org").servePath("/inngest").build());
        ServeResponse r = get(app, signed("", Map.of()));
        JsonObject body = (JsonObject) Harness.json(r);
        assertEquals("feature-x", body.getString("env"));
        assertEquals("https://shop.example.org", body.getString("serve_origin"));
        assertEquals("/inngest", body.getString("serve_path"));
        assertSame(JsonValue.NULL, body.get("event_key_hash"), "no event key");
        assertSame(JsonValue.NULL, body.get("signing_key_fallback_hash"), "no fallback key");
        assertEquals(JsonValue.FALSE, body.get("has_event_key"));
        assertEquals(0, body.getInt("function_count"));
        assertEquals("feature-x", r.header("X-Inngest-Env"));
    }
}
