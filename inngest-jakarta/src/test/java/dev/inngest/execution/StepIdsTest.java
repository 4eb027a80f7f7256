package dev.inngest.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Step ids hash as protocol.md says, repeats get their suffix, and the shared cache of hashes never changes one. */
class StepIdsTest {

    @Test
    void hashesAsTheProtocolSays() {
        StepIds ids = new StepIds();
        assertEquals(new StepIds.Hashed(sha1("validate-order"), 0), ids.next("validate-order"));
        assertEquals(new StepIds.Hashed(sha1("validate-order:1"), 1), ids.next("validate-order"));
        assertEquals(new StepIds.Hashed(sha1("validate-order:2"), 2), ids.next("validate-order"));
        // a fresh call starts over, with the same hashes
        assertEquals(new StepIds.Hashed(sha1("validate-order"), 0), new StepIds().next("validate-order"));
    }

    @Test
    void idsBeyondTheCachesBoundStillHashCorrectly() throws Exception {
        StepIds ids = new StepIds();
        for (int i = 0; i < 12_000; i++) {
            String id = "customer-" + i;
            assertEquals(sha1(id), ids.hash(id), id);
        }
        for (int i = 0; i < 12_000; i += 997) {
            String id = "customer-" + i;
            assertEquals(sha1(id), new StepIds().hash(id), id);
        }
        String longId = "order-" + "x".repeat(500);
        assertEquals(sha1(longId), ids.hash(longId));
        assertEquals(sha1(longId), new StepIds().hash(longId));
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
