package dev.inngest.protocol;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request to the serve endpoint, as any HTTP framework can hand it over.
 *
 * @param method the HTTP method
 * @param url the full request URL, query included
 * @param headers the headers; names are matched ignoring case
 * @param body the raw body bytes, exactly as received (signatures cover them)
 */
public record ServeRequest(String method, URI url, Map<String, String> headers, byte[] body) {

    /** Copies the headers into a case-insensitive map. */
    public ServeRequest {
        method = method.toUpperCase(Locale.ROOT);
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            h.putAll(headers);
        }
        headers = Collections.unmodifiableMap(h);
        body = body == null ? new byte[0] : body;
    }

    /**
     * @param name a header name, any case
     * @return its value, or null
     */
    public String header(String name) {
        return headers.get(name);
    }

    /**
     * @param name a query parameter
     * @return its first value, decoded, or null
     */
    public String query(String name) {
        String raw = url.getRawQuery();
        if (raw == null) {
            return null;
        }
        if (name.isEmpty()) {
            return splitQuery(raw, name); // split("&") drops trailing empty pairs, which only "" could match
        }
        // the pairs of raw.split("&"), walked in place without copying each pair
        int at = 0;
        int length = raw.length();
        while (at <= length) {
            int amp = raw.indexOf('&', at);
            int end = amp < 0 ? length : amp;
            int eq = raw.indexOf('=', at);
            if (eq >= end) {
                eq = -1;
            }
            int keyEnd = eq < 0 ? end : eq;
            if (keyMatches(raw, at, keyEnd, name)) {
                return eq < 0 ? "" : decode(raw.substring(eq + 1, end));
            }
            if (amp < 0) {
                break;
            }
            at = amp + 1;
        }
        return null;
    }

    private static String splitQuery(String raw, String name) {
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /** The decoded key raw[from, to) equals name; only a key with '%' or '+' is decoded (as split/decode did). */
    private static boolean keyMatches(String raw, int from, int to, String name) {
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%' || c == '+') {
                return decode(raw.substring(from, to)).equals(name);
            }
        }
        return to - from == name.length() && raw.regionMatches(from, name, 0, to - from);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
