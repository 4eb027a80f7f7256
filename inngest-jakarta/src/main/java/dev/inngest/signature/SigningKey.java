package dev.inngest.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Inngest signing key such as {@code signkey-prod-1234abcd…}.
 *
 * <p>It signs and verifies requests (HMAC over the key text without its prefix) and authenticates calls
 * to the Inngest API (a bearer made of the prefix and the SHA-256 of the hex-decoded key). Its
 * {@link #toString()} never shows the key.
 */
public final class SigningKey {

    private static final Pattern PREFIX = Pattern.compile("^signkey-\\w+?-");

    private final String prefix;
    private final String secret;

    private SigningKey(String prefix, String secret) {
        this.prefix = prefix;
        this.secret = secret;
    }

    /**
     * Reads a signing key as Inngest shows it, with or without its {@code signkey-<env>-} prefix.
     *
     * @param key the key text
     * @return the key
     * @throws IllegalArgumentException if the key is blank
     */
    public static SigningKey of(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a signing key cannot be blank");
        }
        String k = key.trim();
        Matcher m = PREFIX.matcher(k);
        return m.find() ? new SigningKey(m.group(), k.substring(m.end())) : new SigningKey("", k);
    }

    /**
     * The HMAC key: the key text without its prefix, as ASCII bytes (not hex-decoded).
     *
     * @return the key bytes for HMAC-SHA256
     */
    byte[] hmacKey() {
        return secret.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The bearer token for the Inngest API: {@code signkey-<env>-<hex(SHA-256(hexDecode(key)))>}.
     *
     * @return the token to put after {@code Bearer }
     */
    public String bearerToken() {
        return prefix + hashedSecret();
    }

    /**
     * The first twelve hex characters of the hashed key, as introspection shows it.
     *
     * @return a short hash that identifies the key without revealing it
     */
    public String shortHash() {
        return hashedSecret().substring(0, 12);
    }

    private String hashedSecret() {
        byte[] material;
        try {
            material = HexFormat.of().parseHex(secret);
        } catch (IllegalArgumentException notHex) {
            material = secret.getBytes(StandardCharsets.UTF_8);
        }
        return sha256Hex(material);
    }

    /**
     * Hex SHA-256 of some bytes.
     *
     * @param bytes the input
     * @return lowercase hex digest
     */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + prefix + "…" + shortHash() + "]";
    }
}
