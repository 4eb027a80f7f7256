package dev.inngest.execution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hashes step ids as every Inngest SDK does: lowercase hex SHA-1 of the id; the n-th repeat of an id within
 * one call hashes {@code id + ":" + n}, skipping any suffix whose hash is already taken.
 */
public final class StepIds {

    private static final HexFormat HEX = HexFormat.of();
    /** Looked up once; each hasher clones it (a provider lookup per call costs more than the hashing). */
    private static final MessageDigest SHA1_PROTOTYPE = lookUpSha1();
    /**
     * Hashes already computed, shared by every call: the same step ids come back on every call of every run, and
     * each call replays all of them. Bounded, so ids made of data (one per customer, say) cannot fill the heap:
     * long ids are not kept, and a full cache starts over, so the ids in use now get back in.
     */
    private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();
    private static final int KNOWN_MAX = 10_000;
    private static final int KNOWN_MAX_ID = 128;

    private final Map<String, Integer> repeats = new HashMap<>();
    private final Set<String> taken = new HashSet<>();
    private final MessageDigest sha1;

    /** A fresh hasher for one call of a function. */
    public StepIds() {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA1_PROTOTYPE.clone();
        } catch (CloneNotSupportedException notCloneable) {
            digest = lookUpSha1();
        }
        sha1 = digest;
    }

    private static MessageDigest lookUpSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    /** A hashed id with the repeat index it got (0 for the first use of an id). */
    public record Hashed(String hash, int index) {
    }

    /**
     * Hashes the next use of an id.
     *
     * @param id the id given in code
     * @return its hash for this use
     */
    public Hashed next(String id) {
        String hash = hash(id);
        if (taken.add(hash)) {
            return new Hashed(hash, 0);
        }
        int n = repeats.getOrDefault(id, 0);
        String candidate;
        do {
            n++;
            candidate = hash(id + ":" + n);
        } while (!taken.add(candidate));
        repeats.put(id, n);
        return new Hashed(candidate, n);
    }

    /**
     * Hashes a string with SHA-1.
     *
     * @param text the text
     * @return lowercase hex SHA-1 of its UTF-8 bytes
     */
    public String hash(String text) {
        String hash = KNOWN.get(text);
        if (hash == null) {
            hash = HEX.formatHex(sha1.digest(text.getBytes(StandardCharsets.UTF_8)));
            if (text.length() <= KNOWN_MAX_ID) {
                if (KNOWN.size() >= KNOWN_MAX) {
                    KNOWN.clear();
                }
                KNOWN.put(text, hash);
            }
        }
        return hash;
    }
}
