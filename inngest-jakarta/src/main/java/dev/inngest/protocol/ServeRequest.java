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
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
