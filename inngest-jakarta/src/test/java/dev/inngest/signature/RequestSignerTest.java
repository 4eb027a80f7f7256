package dev.inngest.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code X-Inngest-Signature}: the worked example of protocol.md §6, then verification rules. */
class RequestSignerTest {

    static final String KEY = SigningKeyTest.DOC_KEY;
    static final String FALLBACK = "signkey-test-0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String BODY = "{\"ctx\":{\"attempt\":0,\"run_id\":\"01HQ0000000000000000000000\"},"
            + "\"event\":{\"data\":{\"hello\":\"world\"},\"name\":\"test/hello\"}}";
    static final Instant T = Instant.ofEpochSecond(1700000000L);
    static final String DOC_HEADER = "t=1700000000&s=c5b1d540466fe694a9328a4f78f7fb895815527e6ad2d118705969f463165198";
    static final String HEX_DECODED_HEADER = "t=1700000000&s=12df5cf4305a0328ab864b7d80e06598a6acff846ae706e133c834794de12eab";

    private final SigningKey primary = SigningKey.of(KEY);
    private final SigningKey fallback = SigningKey.of(FALLBACK);
    private final List<SigningKey> keys = List.of(primary, fallback);

    private static byte[] body() {
        return BODY.getBytes(StandardCharsets.UTF_8);
    }

    // ---- signing: the worked example ----

    @Test
    void signsTheWorkedExampleExactly() {
        assertEquals(DOC_HEADER, RequestSigner.sign(body(), primary, T));
    }

    @Test
    void usesTheKeyTextAsHmacKeyNotItsHexDecodedBytes() {
        String header = RequestSigner.sign(body(), primary, T);
        assertNotEquals(HEX_DECODED_HEADER, header);
        assertTrue(RequestSigner.verify(HEX_DECODED_HEADER, body(), keys, T).isEmpty(),
                "a signature made with the hex-decoded key must not verify");
    }

    @Test
    void aKeyWithoutItsPrefixSignsTheSame() {
        assertEquals(DOC_HEADER, RequestSigner.sign(body(), SigningKey.of(SigningKeyTest.DOC_KEY_HEX), T));
    }

    @Test
    void timestampIsWholeSecondsOfTheSigningTime() {
        assertEquals(DOC_HEADER, RequestSigner.sign(body(), primary, T.plusMillis(999)));
    }

    // ---- verification ----

    @Test
    void acceptsTheWorkedExampleAndNamesThePrimaryKey() {
        Optional<SigningKey> k = RequestSigner.verify(DOC_HEADER, body(), keys, T);
        assertTrue(k.isPresent());
        assertSame(primary, k.get());
    }

    @Test
    void acceptsTheFallbackKeyAndNamesIt() {
        String header = RequestSigner.sign(body(), fallback, T);
        Optional<SigningKey> k = RequestSigner.verify(header, body(), keys, T);
        assertTrue(k.isPresent());
        assertSame(fallback, k.get(), "the fallback key verified, so it must sign the response");
    }

    @Test
    void refusesAFallbackSignatureWhenOnlyThePrimaryKeyIsConfigured() {
        String header = RequestSigner.sign(body(), fallback, T);
        assertTrue(RequestSigner.verify(header, body(), List.of(primary), T).isEmpty());
    }

    @Test
    void refusesASignatureOfAnotherKey() {
        String header = RequestSigner.sign(body(), SigningKey.of("signkey-test-00112233445566778899aabbccddeeff"), T);
        assertTrue(RequestSigner.verify(header, body(), keys, T).isEmpty());
    }

    @Test
    void refusesWhenNoKeyIsConfigured() {
        assertTrue(RequestSigner.verify(DOC_HEADER, body(), List.of(), T).isEmpty());
    }

    @Test
    void refusesATamperedBody() {
        byte[] tampered = BODY.replace("world", "World").getBytes(StandardCharsets.UTF_8);
        assertTrue(RequestSigner.verify(DOC_HEADER, tampered, keys, T).isEmpty());
    }

    @Test
    void refusesTheSameJsonReserializedWithOtherWhitespace() {
        byte[] reformatted = BODY.replace(",", ", ").getBytes(StandardCharsets.UTF_8);
        assertTrue(RequestSigner.verify(DOC_HEADER, reformatted, keys, T).isEmpty(), "the raw bytes are signed");
    }

    @Test
    void refusesAHeaderWhoseTimestampWasChanged() {
        String moved = DOC_HEADER.replace("t=1700000000", "t=1700000001");
        assertTrue(RequestSigner.verify(moved, body(), keys, T).isEmpty());
    }

    @Test
    void refusesASignatureThatDiffersInItsFirstOrLastDigit() {
        String first = "t=1700000000&s=d5b1d540466fe694a9328a4f78f7fb895815527e6ad2d118705969f463165198";
        String last = "t=1700000000&s=c5b1d540466fe694a9328a4f78f7fb895815527e6ad2d118705969f463165199";
        assertTrue(RequestSigner.verify(first, body(), keys, T).isEmpty());
        assertTrue(RequestSigner.verify(last, body(), keys, T).isEmpty());
    }

    @Test
    void acceptsUpToFiveMinutesOld() {
        assertTrue(RequestSigner.verify(DOC_HEADER, body(), keys, T.plusSeconds(300)).isPresent());
    }

    @Test
    void refusesMoreThanFiveMinutesOld() {
        assertTrue(RequestSigner.verify(DOC_HEADER, body(), keys, T.plusSeconds(301)).isEmpty());
        assertTrue(RequestSigner.verify(DOC_HEADER, body(), keys, T.plusSeconds(3600)).isEmpty());
    }

    @Test
    void acceptsUpToFiveMinutesAhead() {
        assertTrue(RequestSigner.verify(DOC_HEADER, body(), keys, T.minusSeconds(300)).isPresent());
    }

    @Test
    void refusesMoreThanFiveMinutesAhead() {
        assertTrue(RequestSigner.verify(DOC_HEADER, body(), keys, T.minusSeconds(301)).isEmpty());
        assertTrue(RequestSigner.verify(DOC_HEADER, body(), keys, T.minusSeconds(86400)).isEmpty());
    }

    @Test
    void readsTheHeaderAsAQueryStringInAnyOrder() {
        String reversed = "s=c5b1d540466fe694a9328a4f78f7fb895815527e6ad2d118705969f463165198&t=1700000000";
        assertTrue(RequestSigner.verify(reversed, body(), keys, T).isPresent());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "garbage",
        "t=1700000000",
        "s=c5b1d540466fe694a9328a4f78f7fb895815527e6ad2d118705969f463165198",
        "t=&s=c5b1d540466fe694a9328a4f78f7fb895815527e6ad2d118705969f463165198",
        "t=abc&s=c5b1d540466fe694a9328a4f78f7fb895815527e6ad2d118705969f463165198",
        "t=-1700000000&s=c5b1d540466fe694a9328a4f78f7fb895815527e6ad2d118705969f463165198",
        "t=1700000000&s=",
        "t=1700000000&s=deadbeef",
        "t=1700000000&s=c5b1d540466fe694a9328a4f78f7fb895815527e6ad2d118705969f46316519",
        "t=1700000000&s=c5b1d540466fe694a9328a4f78f7fb895815527e6ad2d118705969f463165198ff",
        "t=1700000000&s=z5b1d540466fe694a9328a4f78f7fb895815527e6ad2d118705969f463165198",
        "t=99999999999999999999&s=c5b1d540466fe694a9328a4f78f7fb895815527e6ad2d118705969f463165198",
        "t=1700000000;s=c5b1d540466fe694a9328a4f78f7fb895815527e6ad2d118705969f463165198",
    })
    void refusesMalformedHeadersWithoutThrowing(String header) {
        assertTrue(RequestSigner.verify(header, body(), keys, T).isEmpty());
    }

    @Test
    void signsAndVerifiesAnEmptyBody() {
        String header = RequestSigner.sign(new byte[0], primary, T);
        assertTrue(header.matches("t=1700000000&s=[0-9a-f]{64}"), header);
        assertSame(primary, RequestSigner.verify(header, new byte[0], keys, T).orElseThrow());
    }
}
