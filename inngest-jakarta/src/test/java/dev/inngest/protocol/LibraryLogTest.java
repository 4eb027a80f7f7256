package dev.inngest.protocol;

import static dev.inngest.protocol.RegistrationApp.signed;
import static dev.inngest.testkit.CallBody.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.api.ApiResponse;
import dev.inngest.function.FunctionOptions;
import dev.inngest.signature.SigningKey;
import dev.inngest.testkit.Harness;
import dev.inngest.testkit.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK's own log lines carry stable {@code INNGEST-xxxx} codes, and never a signing key or an event key:
 * only the keys' short hashes.
 */
class LibraryLogTest {

    private static final String WRONG_KEY = "signkey-test-00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final String CLOUD = "X-Inngest-Server-Kind";

    private final Harness app = RegistrationApp.install(Harness.cloud());
    private final LogCapture log = LogCapture.of("dev.inngest");

    @AfterEach
    void close() {
        log.close();
    }

    private void assertNoKeyIn(String text) {
        for (String key : List.of(Harness.SIGNING_KEY, Harness.FALLBACK_KEY, WRONG_KEY, "my-event-key")) {
            assertFalse(text.contains(key), "a key is in the log:\n" + text);
            String secret = key.replaceFirst("^signkey-[a-z]+-", "");
            assertFalse(text.contains(secret), "a key's secret is in the log:\n" + text);
            assertFalse(text.contains(SigningKey.of(key.startsWith("signkey") ? key : "signkey-test-00").bearerToken()),
                    "a bearer token is in the log:\n" + text);
        }
    }

    @Test
    void signatureFailuresAreLoggedWithTheKeyHashesOnly() {
        String body = call().build();
        assertEquals(401, app.signedPost("fnId=my-app-hello", body, WRONG_KEY, Harness.NOW).status());
        assertEquals(401, app.post("fnId=my-app-hello", body).status());
        assertEquals(401, app.signedPost("fnId=my-app-hello", body, Harness.SIGNING_KEY,
                Harness.NOW.minus(Duration.ofHours(1))).status());

        String text = log.text();
        assertEquals(3, text.lines().filter(l -> l.contains("INNGEST-A002")).count(), text);
        assertTrue(text.contains("call refused: the request's X-Inngest-Signature is missing"), text);
        assertTrue(text.contains(SigningKey.of(Harness.SIGNING_KEY).shortHash()), "the key is named by its hash");
        assertTrue(text.contains(SigningKey.of(Harness.FALLBACK_KEY).shortHash()), "the fallback too");
        assertNoKeyIn(text);
    }

    @Test
    void syncsAreLoggedWithoutKeys() {
        Map<String, String> headers = signed(SyncTest.PING, Map.of("Content-Type", "application/json", CLOUD, "cloud"));
        assertEquals(200, app.request("PUT", null, headers, SyncTest.PING).status());
        app.apiAnswers.put("register", new ApiResponse(401, "{\"error\":\"signing key not found\"}"));
        assertEquals(500, app.request("PUT", null, headers, SyncTest.PING).status());
        Map<String, String> inBand = signed(CloudSyncTest.IN_BAND_BODY, CloudSyncTest.IN_BAND);
        assertEquals(200, app.request("PUT", null, inBand, CloudSyncTest.IN_BAND_BODY).status());

        String text = log.text();
        assertTrue(text.contains("INNGEST-S001 synced app my-app (" + RegistrationApp.FUNCTION_COUNT + " functions)"), text);
        assertTrue(text.contains("INNGEST-S002 sync of app my-app to https://example.com/api/inngest failed: "
                + "signing key not found"), text);
        assertTrue(text.contains("INNGEST-S004 in-band sync of app my-app"), text);
        assertNoKeyIn(text);
        assertTrue(app.inngest.lastSync().orElseThrow().succeeded());
        assertEquals("in_band", app.inngest.lastSync().orElseThrow().kind());
    }

    @Test
    void lastSyncRecordsFailuresWithTheirReason() {
        assertTrue(app.inngest.lastSync().isEmpty(), "no sync yet");
        app.apiAnswers.put("register", new ApiResponse(500, "{\"error\":\"database unavailable\"}"));
        Map<String, String> headers = signed(SyncTest.PING, Map.of("Content-Type", "application/json", CLOUD, "cloud"));
        app.request("PUT", null, headers, SyncTest.PING);
        SyncOutcome last = app.inngest.lastSync().orElseThrow();
        assertFalse(last.succeeded());
        assertEquals("out_of_band", last.kind());
        assertEquals("database unavailable", last.message());
        assertEquals(Harness.NOW, last.at());
    }

    @Test
    void stepAndFunctionFailuresAreLoggedWithCodes() {
        Harness dev = Harness.dev();
        dev.inngest.createFunction(FunctionOptions.builder("fails").triggerEvent("test/hello").build(), (ctx, step) -> {
            step.run("charge", () -> {
                throw new IllegalStateException("card declined");
            });
            return null;
        });
        dev.inngest.createFunction(FunctionOptions.builder("throws").triggerEvent("test/hello").build(), (ctx, step) -> {
            throw new IllegalArgumentException("bad order");
        });
        dev.post("fnId=my-app-fails&stepId=step", call().attempt(0, 3).build());
        dev.post("fnId=my-app-fails&stepId=step", call().attempt(2, 3).build());
        dev.post("fnId=my-app-throws&stepId=step", call().attempt(0, 3).build());
        dev.post("fnId=my-app-throws&stepId=step", call().attempt(2, 3).build());

        String text = log.text();
        assertTrue(text.contains("INNGEST-E003 function fails, run 01HRUN0000000000000000000R: step \"charge\" failed on "
                + "attempt 1 of 3; Inngest retries it: IllegalStateException card declined"), text);
        assertTrue(text.contains("INNGEST-E004 function fails, run 01HRUN0000000000000000000R: step \"charge\" failed "
                + "for good on attempt 3 of 3"), text);
        assertTrue(text.contains("INNGEST-E005 function throws, run 01HRUN0000000000000000000R failed on attempt 1 of 3"),
                text);
        assertTrue(text.contains("INNGEST-E006 function throws, run 01HRUN0000000000000000000R failed for good on "
                + "attempt 3: IllegalArgumentException bad order"), text);
    }
}
