package dev.inngest.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.inngest.Sdk;
import dev.inngest.signature.SigningKey;
import dev.inngest.testkit.Harness;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Checks shared by the protocol tests. */
final class ProtocolAssertions {

    private ProtocolAssertions() {
    }

    /** Secrets (and what could be used to guess or fingerprint them) that an unauthenticated answer must not show. */
    static List<String> secrets() {
        String primaryHex = Harness.SIGNING_KEY.substring("signkey-test-".length());
        String fallbackHex = Harness.FALLBACK_KEY.substring("signkey-test-".length());
        return List.of(Harness.SIGNING_KEY, primaryHex, primaryHex.substring(0, 16), Harness.FALLBACK_KEY, fallbackHex,
                fallbackHex.substring(0, 16), SigningKey.of(Harness.SIGNING_KEY).bearerToken(),
                SigningKey.of(Harness.SIGNING_KEY).shortHash(), SigningKey.of(Harness.FALLBACK_KEY).shortHash(),
                "my-event-key", SigningKey.sha256Hex("my-event-key".getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * An answer to an unauthenticated or bad request: no key, key hash or Java stack trace in body or headers.
     */
    static void assertNoLeak(ServeResponse r) {
        String body = r.bodyText();
        for (String secret : secrets()) {
            assertFalse(body.contains(secret), "body shows " + secret + ": " + body);
            for (Map.Entry<String, String> h : r.headers().entrySet()) {
                assertFalse(h.getValue().contains(secret), "header " + h.getKey() + " shows " + secret);
            }
        }
        for (String trace : List.of("at dev.inngest", "at java.", "at jakarta.", "at org.", "Exception", "\tat ",
                "java.lang", "jakarta.json")) {
            assertFalse(body.contains(trace), "body shows Java internals (" + trace + "): " + body);
        }
    }

    /** Every answer identifies the SDK and the request version. */
    static void assertSdkHeaders(ServeResponse r) {
        assertEquals("inngest-jakarta:v" + Sdk.VERSION, r.header("X-Inngest-SDK"), "X-Inngest-SDK on " + r.status());
        assertEquals("2", r.header("X-Inngest-Req-Version"), "X-Inngest-Req-Version on " + r.status());
    }
}
