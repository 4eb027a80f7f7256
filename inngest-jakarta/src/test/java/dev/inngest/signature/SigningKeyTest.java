package dev.inngest.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bearer tokens, short hashes and event key hashes: the worked examples of protocol.md §1.1 and §7.3. */
class SigningKeyTest {

    static final String DOC_KEY = "signkey-test-8ee2262a15e8d3c42d6a840db7af3de2aab08ef632b32a37a687f24b34dba3ff";
    static final String DOC_KEY_HEX = "8ee2262a15e8d3c42d6a840db7af3de2aab08ef632b32a37a687f24b34dba3ff";

    @Test
    void bearerTokenOfTheSpecExampleKey() {
        assertEquals("signkey-prod-b2ed992186a5cb19f6668aade821f502c1d00970dfd0e35128d51bac4649916c",
                SigningKey.of("signkey-prod-12345678").bearerToken());
    }

    @Test
    void bearerTokenOfTheSection6KeyIsTheOneTsSendsToFnRegister() {
        assertEquals("signkey-test-e4bf4a2e7f55c7eb954b6e72f8f69628fbc409fe7da6d0f6958770987dcf0e02",
                SigningKey.of(DOC_KEY).bearerToken());
    }

    @Test
    void bearerTokenHashesTheHexDecodedKeyNotItsText() {
        String hashOfText = SigningKey.sha256Hex(DOC_KEY_HEX.getBytes(StandardCharsets.US_ASCII));
        assertFalse(SigningKey.of(DOC_KEY).bearerToken().endsWith(hashOfText));
    }

    @Test
    void bearerTokenOfAKeyWithoutPrefixHasNoPrefix() {
        assertEquals("e4bf4a2e7f55c7eb954b6e72f8f69628fbc409fe7da6d0f6958770987dcf0e02",
                SigningKey.of(DOC_KEY_HEX).bearerToken());
    }

    @Test
    void shortHashIsTheFirstTwelveHexCharactersOfTheHashedKey() {
        assertEquals("e4bf4a2e7f55", SigningKey.of(DOC_KEY).shortHash());
        assertEquals("e4bf4a2e7f55", SigningKey.of(DOC_KEY_HEX).shortHash());
        assertEquals("b2ed992186a5", SigningKey.of("signkey-prod-12345678").shortHash());
    }

    @Test
    void eventKeyHashIsSha256HexOfTheKeyText() {
        assertEquals("756db3455bd70816c089ed7fcd514ab0e66cf5cdf62ccb7a3bca66d96ee3132c",
                SigningKey.sha256Hex("my-event-key".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertEquals(SigningKey.of(DOC_KEY).bearerToken(), SigningKey.of("  " + DOC_KEY + "\n").bearerToken());
    }

    @Test
    void toStringNeverShowsTheKey() {
        String s = SigningKey.of(DOC_KEY).toString();
        assertFalse(s.contains(DOC_KEY_HEX), s);
        assertFalse(s.contains(DOC_KEY_HEX.substring(0, 16)), s);
        assertFalse(s.contains("e4bf4a2e7f55c7eb"), "no more than the short hash: " + s);
    }

    @Test
    void blankKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SigningKey.of(""));
        assertThrows(IllegalArgumentException.class, () -> SigningKey.of("   "));
        assertThrows(IllegalArgumentException.class, () -> SigningKey.of(null));
    }
}
