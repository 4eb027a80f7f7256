package dev.inngest.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.inngest.executor.CallDriver;
import dev.inngest.executor.ExecutorServer;
import dev.inngest.executor.HttpCallDriver;
import dev.inngest.executor.LocalExecutor;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The Inngest side of the end-to-end tests: a {@link LocalExecutor} behind an {@link ExecutorServer} (the dev
 * server's API on loopback), with two taps for assertions:
 * <ul>
 *   <li>every call the executor makes to the app (URL, headers, body, and the app's answer);</li>
 *   <li>every request the app makes to "Inngest" (sync, events), through a small recording proxy in front
 *       of the executor server. The app is pointed at the proxy.</li>
 * </ul>
 * Runs in the test JVM; the deployed app reaches it on 127.0.0.1.
 */
final class ExecutorFixture implements AutoCloseable {

    /** One call of the executor to the app, with the app's answer. */
    record Call(String method, URI url, Map<String, String> headers, String body, int status,
            Map<String, String> responseHeaders, String responseBody) {

        String runId() {
            return headers.get("X-Run-ID");
        }

        String stepId() {
            for (String pair : url.getRawQuery().split("&")) {
                if (pair.startsWith("stepId=")) {
                    return pair.substring("stepId=".length());
                }
            }
            return null;
        }

        JsonObject request() {
            return ItSupport.object(body);
        }

        JsonValue response() {
            return responseBody.isEmpty() ? JsonValue.NULL : ItSupport.json(responseBody);
        }
    }

    /** One request of the app to the executor's API. */
    record Received(String method, String path, Map<String, String> headers, String body) {
    }

    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive");

    final LocalExecutor executor;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    private final ExecutorServer server;
    private final HttpServer proxy;

    private ExecutorFixture(Clock clock, String signingKey) throws IOException {
        executor = new LocalExecutor(clock, signingKey, Duration.ofSeconds(1));
        HttpCallDriver http = new HttpCallDriver(Duration.ofSeconds(60));
        CallDriver recording = (method, url, headers, body) -> {
            CallDriver.CallResult r = http.call(method, url, headers, body);
            Map<String, String> sent = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            sent.putAll(headers);
            Map<String, String> answered = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            answered.putAll(r.headers());
            calls.add(new Call(method, url, sent, body, r.status(), answered, r.body()));
            return r;
        };
        server = new ExecutorServer(executor, 0, recording);
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "inngest-it-proxy");
            t.setDaemon(true);
            return t;
        }));
        proxy.createContext("/", this::forward);
        proxy.start();
    }

    /**
     * @param clock the executor's clock: a VirtualClock, or real time when it signs calls
     * @param signingKey the key the executor signs calls with, or null (dev mode)
     * @return a running fixture
     * @throws IOException if no port can be bound
     */
    static ExecutorFixture start(Clock clock, String signingKey) throws IOException {
        return new ExecutorFixture(clock, signingKey);
    }

    /** @return where the app should send syncs and events: {@code http://127.0.0.1:<port>/} */
    URI url() {
        return URI.create("http://127.0.0.1:" + proxy.getAddress().getPort() + "/");
    }

    /** @return the executor server itself, for tests that send events over its event API */
    URI executorUrl() {
        return server.url();
    }

    List<Call> callsOf(String runId) {
        return calls.stream().filter(c -> runId.equals(c.runId())).toList();
    }

    List<Received> received(String method, String pathPrefix) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    headers.put(k, v.get(0));
                }
            });
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new Received(exchange.getRequestMethod(), path, headers,
                    new String(body, StandardCharsets.UTF_8)));
            Map<String, String> forwarded = new TreeMap<>();
            headers.forEach((k, v) -> {
                if (!HOP_HEADERS.contains(k.toLowerCase(Locale.ROOT))) {
                    forwarded.put(k, v);
                }
            });
            HttpResponse<String> r = ItSupport.send(server.url().resolve(path + (query == null ? "" : "?" + query)),
                    exchange.getRequestMethod(), forwarded, body);
            byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
            r.headers().firstValue("Content-Type").ifPresent(ct -> exchange.getResponseHeaders().set("Content-Type", ct));
            exchange.sendResponseHeaders(r.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (RuntimeException e) {
            byte[] out = ("{\"error\":\"proxy: " + e.getMessage().replace('"', '\'') + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(502, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    /** @return every call the executor made, for failure messages */
    String describeCalls() {
        List<String> lines = new ArrayList<>();
        for (Call c : calls) {
            lines.add(c.runId() + " stepId=" + c.stepId() + " -> " + c.status() + " " + c.responseBody());
        }
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        proxy.stop(0);
        server.close();
    }
}
