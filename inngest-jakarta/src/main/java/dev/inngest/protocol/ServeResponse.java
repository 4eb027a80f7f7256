package dev.inngest.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The serve endpoint's answer, for the HTTP framework to write as is.
 *
 * @param status the HTTP status
 * @param headers the headers, in order
 * @param body the body bytes (UTF-8 JSON, or empty)
 */
public record ServeResponse(int status, Map<String, String> headers, byte[] body) {

    /** Freezes the headers. */
    public ServeResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** @return the body as text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * @param name a header name, any case
     * @return its value, or null
     */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
