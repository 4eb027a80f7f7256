package dev.inngest.executor;

import java.net.URI;
import java.util.Map;

/** How the executor reaches an app: over HTTP, or in-process through the protocol engine. */
@FunctionalInterface
public interface CallDriver {

    /**
     * Calls the app once.
     *
     * @param method {@code POST} for calls, {@code PUT} for a sync
     * @param url the full URL, query included
     * @param headers request headers (signature, content type)
     * @param body the exact body bytes as text
     * @return the answer
     * @throws Exception when the app cannot be reached
     */
    CallResult call(String method, URI url, Map<String, String> headers, String body) throws Exception;

    /**
     * An app's answer.
     *
     * @param status HTTP status
     * @param headers response headers, names lower-cased
     * @param body body text
     */
    record CallResult(int status, Map<String, String> headers, String body) {
        /**
         * @param name a header name, any case
         * @return its value or null
         */
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }
}
