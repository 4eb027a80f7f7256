package dev.inngest.executor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Calls an app over HTTP, as the Inngest server does. */
public final class HttpCallDriver implements CallDriver {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Duration timeout;

    /**
     * @param timeout how long one call may take
     */
    public HttpCallDriver(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public CallResult call(String method, URI url, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> h = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : r.headers().map().entrySet()) {
            if (!e.getValue().isEmpty()) {
                h.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().get(0));
            }
        }
        return new CallResult(r.statusCode(), h, r.body());
    }
}
