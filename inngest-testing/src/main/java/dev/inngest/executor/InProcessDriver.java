package dev.inngest.executor;

import dev.inngest.protocol.ServeHandler;
import dev.inngest.protocol.ServeRequest;
import dev.inngest.protocol.ServeResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Calls an app's protocol engine directly, for unit tests without an HTTP server. */
public final class InProcessDriver implements CallDriver {

    private final ServeHandler handler;

    /**
     * @param handler the app's engine, e.g. {@code inngest.handler()}
     */
    public InProcessDriver(ServeHandler handler) {
        this.handler = handler;
    }

    @Override
    public CallResult call(String method, URI url, Map<String, String> headers, String body) {
        ServeResponse r = handler.handle(new ServeRequest(method, url, headers, body.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> h = new TreeMap<>();
        r.headers().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
        return new CallResult(r.status(), h, r.bodyText());
    }
}
