package dev.inngest.protocol;

import static dev.inngest.protocol.RegistrationApp.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.InngestConfig;
import dev.inngest.Sdk;
import dev.inngest.json.JsonMapper;
import dev.inngest.signature.RequestSigner;
import dev.inngest.signature.SigningKey;
import dev.inngest.testkit.Golden;
import dev.inngest.testkit.Harness;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sync in cloud mode: who may trigger it, and in-band sync (protocol.md §1.2, TS 01b, 01c, 01f, 01g, 01h). */
class CloudSyncTest {

    static final String PING = SyncTest.PING;
    static final Map<String, String> CLOUD_PING = Map.of("Content-Type", "application/json", "X-Inngest-Server-Kind", "cloud");
    static final String IN_BAND_BODY = "{\"url\":\"https://proxy.example.com/api/inngest\"}";
    static final Map<String, String> IN_BAND = Map.of("Content-Type", "application/json", "X-Inngest-Server-Kind", "cloud",
            "X-Inngest-Sync-Kind", "in_band");

    private final Harness app = RegistrationApp.install(Harness.cloud());

    private static Harness cloud(InngestConfig.Builder b) {
        return RegistrationApp.install(new Harness(b.dev(false).signingKey(Harness.SIGNING_KEY)
                .signingKeyFallback(Harness.FALLBACK_KEY).eventKey("my-event-key").build()));
    }

    private static void assertSignedBy(String key, ServeResponse r) {
        String sig = r.header("X-Inngest-Signature");
        assertNotNull(sig, "the response is signed");
        assertTrue(RequestSigner.verify(sig, r.body(), List.of(SigningKey.of(key)), Harness.NOW).isPresent(),
                "the response signature verifies over the response body");
    }

    // ---- out-of-band ----

    @Test
    void signedSyncWithDeployIdRegistersAndSignsTheAnswer() {
        ServeResponse r = app.request("PUT", "deployId=dep123", signed(PING, CLOUD_PING), PING);

        assertEquals(200, r.status());
        assertEquals(JsonMapper.parse("{\"message\":\"Successfully synced.\",\"modified\":true}"), Harness.json(r));
        assertEquals("out_of_band", r.header("X-Inngest-Sync-Kind"));
        assertEquals("cloud", r.header("X-Inngest-Expected-Server-Kind"));
        assertSignedBy(Harness.SIGNING_KEY, r);
        assertEquals(1, app.apiCalls.size());
        Harness.ApiCall call = app.apiCalls.get(0);
        assertEquals("dep123", call.argument());
        assertEquals("cloud", call.headers().get("X-Inngest-Expected-Server-Kind"));
        JsonObject body = (JsonObject) JsonMapper.parse(call.body());
        assertEquals("dep123", body.getString("deployId"));
        assertEquals("https://example.com/api/inngest", body.getString("url"));
        assertFalse(body.getJsonArray("functions").toString().contains("deployId"));
    }

    @Test
    void syncSignedWithTheFallbackKeyIsAnsweredWithTheFallbackKey() {
        ServeResponse r = app.request("PUT", null, signed(Harness.FALLBACK_KEY, PING, Harness.NOW, CLOUD_PING), PING);
        assertEquals(200, r.status());
        assertSignedBy(Harness.FALLBACK_KEY, r);
        assertTrue(RequestSigner.verify(r.header("X-Inngest-Signature"), r.body(),
                List.of(SigningKey.of(Harness.SIGNING_KEY)), Harness.NOW).isEmpty());
    }

    @Test
    void unsignedSyncStillSyncsByDefault() {
        ServeResponse r = app.request("PUT", null, CLOUD_PING, "");
        assertEquals(200, r.status());
        assertEquals(JsonMapper.parse("{\"message\":\"Successfully synced.\",\"modified\":true}"), Harness.json(r));
        assertEquals(1, app.apiCalls.size(), "it registers (TS 01c)");
        assertNull(r.header("X-Inngest-Signature"), "nothing verified, nothing signed");
    }

    @Test
    void badlySignedSyncIsTreatedAsUnsigned() {
        Map<String, String> h = new java.util.HashMap<>(CLOUD_PING);
        h.put("X-Inngest-Signature", "t=" + Harness.NOW.getEpochSecond() + "&s=deadbeef");
        ServeResponse r = app.request("PUT", null, h, PING);
        assertEquals(200, r.status());
        assertNull(r.header("X-Inngest-Signature"));
    }

    @Test
    void unsignedSyncIsRefusedWhenUnauthenticatedSyncIsOff() {
        Harness strict = cloud(InngestConfig.builder("my-app").allowUnauthenticatedSync(false));
        ServeResponse r = strict.request("PUT", null, CLOUD_PING, PING);
        assertEquals(401, r.status());
        assertEquals(JsonMapper.parse("{\"message\":\"Unauthorized\"}"), Harness.json(r));
        assertTrue(strict.apiCalls.isEmpty(), "no registration");
        ProtocolAssertions.assertNoLeak(r);
    }

    @Test
    void unauthenticatedSyncOffStillAcceptsASignedSync() {
        Harness strict = cloud(InngestConfig.builder("my-app").allowUnauthenticatedSync(false));
        ServeResponse r = strict.request("PUT", null, signed(PING, CLOUD_PING), PING);
        assertEquals(200, r.status());
        assertEquals(1, strict.apiCalls.size());
    }

    @Test
    void unauthenticatedSyncOffFromTheEnvironment() {
        Harness strict = cloud(InngestConfig.builder("my-app").from(Map.of("INNGEST_ENABLE_UNAUTHED_SYNC", "false")::get));
        assertEquals(401, strict.request("PUT", null, CLOUD_PING, PING).status());
    }

    // ---- in-band ----

    @Test
    void signedInBandSyncAnswersTheAppWithoutCallingInngest() {
        ServeResponse r = app.request("PUT", null, signed(IN_BAND_BODY, IN_BAND), IN_BAND_BODY);

        Golden.assertResponse("inband-sync-cloud", r);
        assertEquals(200, r.status());
        assertEquals("in_band", r.header("X-Inngest-Sync-Kind"));
        assertTrue(app.apiCalls.isEmpty(), "in-band sync does not call /fn/register");
        assertSignedBy(Harness.SIGNING_KEY, r);

        JsonObject body = (JsonObject) Harness.json(r);
        assertEquals(List.of("app_id", "capabilities", "env", "framework", "functions", "inspection", "sdk_author",
                "sdk_language", "sdk_version", "sdk", "url"), List.copyOf(body.keySet()));
        assertEquals("my-app", body.getString("app_id"));
        assertEquals("https://proxy.example.com/api/inngest", body.getString("url"));
        assertEquals("java", body.getString("sdk_language"));
        assertEquals(Sdk.VERSION, body.getString("sdk_version"));
        assertEquals("inngest-jakarta:v" + Sdk.VERSION, body.getString("sdk"));
        assertEquals("jaxrs", body.getString("framework"));
        assertEquals(RegistrationApp.FUNCTION_COUNT, body.getJsonArray("functions").size());
        assertEquals("https://proxy.example.com/api/inngest?fnId=my-app-all-options&stepId=step",
                body.getJsonArray("functions").getJsonObject(0).getJsonObject("steps").getJsonObject("step")
                        .getJsonObject("runtime").getString("url"), "step URLs are built from the body's url");
        JsonObject inspection = body.getJsonObject("inspection");
        assertEquals(true, inspection.getBoolean("authentication_succeeded"));
        assertEquals("e4bf4a2e7f55", inspection.getString("signing_key_hash"));
        assertEquals(RegistrationApp.FUNCTION_COUNT, inspection.getInt("function_count"));
    }

    @Test
    void unsignedInBandSyncIsRefusedInCloudMode() {
        ServeResponse r = app.request("PUT", null, IN_BAND, IN_BAND_BODY);
        assertEquals(401, r.status());
        assertEquals(JsonMapper.parse("{\"message\":\"Unauthorized\"}"), Harness.json(r));
        assertTrue(app.apiCalls.isEmpty());
        ProtocolAssertions.assertNoLeak(r);
    }

    @Test
    void badlySignedInBandSyncIsRefused() {
        Map<String, String> h = signed(Harness.SIGNING_KEY, IN_BAND_BODY, Harness.NOW.minusSeconds(600), IN_BAND);
        ServeResponse r = app.request("PUT", null, h, IN_BAND_BODY);
        assertEquals(401, r.status());
        assertTrue(app.apiCalls.isEmpty());
    }

    @Test
    void inBandSyncRefusedEvenWhenUnauthenticatedOutOfBandSyncIsAllowed() {
        // allowUnauthenticatedSync is on by default; it never opens in-band sync.
        ServeResponse r = app.request("PUT", null, IN_BAND, IN_BAND_BODY);
        assertEquals(401, r.status());
    }

    @Test
    void inBandSyncSwitchedOffFallsBackToOutOfBand() {
        Harness noInBand = cloud(InngestConfig.builder("my-app").allowInBandSync(false));
        ServeResponse r = noInBand.request("PUT", null, signed(IN_BAND_BODY, IN_BAND), IN_BAND_BODY);
        assertEquals(200, r.status());
        assertEquals("out_of_band", r.header("X-Inngest-Sync-Kind"));
        assertEquals(JsonMapper.parse("{\"message\":\"Successfully synced.\",\"modified\":true}"), Harness.json(r));
        assertEquals(1, noInBand.apiCalls.size());
        assertEquals("https://example.com/api/inngest",
                ((JsonObject) JsonMapper.parse(noInBand.apiCalls.get(0).body())).getString("url"),
                "out-of-band ignores the body's url");
    }

    @Test
    void inBandSyncSwitchedOffFromTheEnvironment() {
        Harness noInBand = cloud(InngestConfig.builder("my-app").from(Map.of("INNGEST_ALLOW_IN_BAND_SYNC", "0")::get));
        ServeResponse r = noInBand.request("PUT", null, signed(IN_BAND_BODY, IN_BAND), IN_BAND_BODY);
        assertEquals("out_of_band", r.header("X-Inngest-Sync-Kind"));
        assertEquals(1, noInBand.apiCalls.size());
    }

    @Test
    void inBandSyncWithTheFallbackKeyIsSignedWithTheFallbackKey() {
        ServeResponse r = app.request("PUT", null, signed(Harness.FALLBACK_KEY, IN_BAND_BODY, Harness.NOW, IN_BAND),
                IN_BAND_BODY);
        assertEquals(200, r.status());
        assertSignedBy(Harness.FALLBACK_KEY, r);
    }

    @Test
    void inBandSyncWithABodyWithoutUrlIs400() {
        String body = "{\"uri\":\"https://proxy.example.com\"}";
        ServeResponse r = app.request("PUT", null, signed(body, IN_BAND), body);
        assertEquals(400, r.status());
        assertTrue(((JsonObject) Harness.json(r)).getString("message").contains("url"));
        assertTrue(app.apiCalls.isEmpty());
    }

    @Test
    void inBandSyncWithANonJsonBodyIs400() {
        String body = "url=https://proxy.example.com";
        ServeResponse r = app.request("PUT", null, signed(body, IN_BAND), body);
        assertEquals(400, r.status());
        assertTrue(Harness.json(r) instanceof JsonObject);
        ProtocolAssertions.assertNoLeak(r);
    }

    @Test
    void inBandSyncWithAnEmptyBodyIs400() {
        ServeResponse r = app.request("PUT", null, signed("", IN_BAND), "");
        assertEquals(400, r.status(), r.bodyText());
        assertTrue(app.apiCalls.isEmpty());
    }

    @Test
    void devInBandSyncNeedsNoSignatureAndShowsTheUnauthenticatedInspection() {
        Harness dev = RegistrationApp.install(Harness.dev());
        Map<String, String> h = Map.of("Content-Type", "application/json", "X-Inngest-Sync-Kind", "in_band");
        ServeResponse r = dev.request("PUT", null, h, IN_BAND_BODY);
        assertEquals(200, r.status());
        assertEquals("in_band", r.header("X-Inngest-Sync-Kind"));
        assertTrue(dev.apiCalls.isEmpty());
        JsonObject inspection = ((JsonObject) Harness.json(r)).getJsonObject("inspection");
        assertEquals("dev", inspection.getString("mode"));
        assertFalse(inspection.containsKey("signing_key_hash"));
        assertEquals(RegistrationApp.FUNCTION_COUNT, inspection.getInt("function_count"));
    }

    @Test
    void theHyphenatedSpellingIsNotInBand() {
        Map<String, String> hyphen = new java.util.HashMap<>(IN_BAND);
        hyphen.put("X-Inngest-Sync-Kind", "in-band");
        ServeResponse r = app.request("PUT", null, signed(IN_BAND_BODY, hyphen), IN_BAND_BODY);
        assertEquals("out_of_band", r.header("X-Inngest-Sync-Kind"), "the value is in_band (underscore)");
        assertEquals(1, app.apiCalls.size());
    }
}
