package dev.inngest.signature;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies the {@code X-Inngest-Signature} header: {@code t=<unix seconds>&s=<hex HMAC-SHA256>}
 * over the raw body bytes followed by the decimal timestamp.
 */
public final class RequestSigner {

    /** How far a signature's timestamp may be from now, either way. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private RequestSigner() {
    }

    /**
     * Signs a body.
     *
     * @param body the exact bytes sent
     * @param key the signing key
     * @param now the signing time
     * @return the header value {@code t=…&s=…}
     */
    public static String sign(byte[] body, SigningKey key, Instant now) {
        long t = now.getEpochSecond();
        return "t=" + t + "&s=" + HexFormat.of().formatHex(hmac(body, Long.toString(t), key));
    }

    /**
     * Verifies a signature header against the keys in order (the signing key, then the fallback key).
     *
     * @param header the {@code X-Inngest-Signature} value, may be null
     * @param body the exact bytes received
     * @param keys candidate keys, primary first
     * @param now the current time
     * @return the key that verified the body, or empty if none did, the header is missing or malformed,
     *     or its timestamp is more than {@link #MAX_SKEW} away from now
     */
    public static Optional<SigningKey> verify(String header, byte[] body, List<SigningKey> keys, Instant now) {
        if (header == null) {
            return Optional.empty();
        }
        String t = null;
        String s = null;
        for (String pair : header.trim().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = pair.substring(0, eq);
                if (name.equals("t")) {
                    t = pair.substring(eq + 1);
                } else if (name.equals("s")) {
                    s = pair.substring(eq + 1);
                }
            }
        }
        if (t == null || s == null || !t.matches("\\d{1,12}") || !s.matches("[0-9a-fA-F]{64}")) {
            return Optional.empty();
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(t));
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            return Optional.empty();
        }
        byte[] given = HexFormat.of().parseHex(s.toLowerCase());
        for (SigningKey key : keys) {
            if (MessageDigest.isEqual(given, hmac(body, t, key))) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static byte[] hmac(byte[] body, String timestamp, SigningKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.hmacKey(), "HmacSHA256"));
            mac.update(body);
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
