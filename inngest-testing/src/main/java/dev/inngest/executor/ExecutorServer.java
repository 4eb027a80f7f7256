package dev.inngest.executor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.inngest.json.JsonMapper;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * The executor's HTTP face, on the paths the Inngest dev server serves, so that an app pointed at it
 * ({@code INNGEST_DEV=http://127.0.0.1:<port>}) syncs and sends events to it unchanged:
 * {@code POST /e/{eventKey}}, {@code POST /fn/register}, {@code GET /v0/runs/{id}/batch} and
 * {@code GET /v0/runs/{id}/actions}. It listens on loopback only.
 */
public final class ExecutorServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ExecutorServer.class.getName());

    private final LocalExecutor executor;
    private final HttpServer server;
    private final CallDriver driver;

    /**
     * @param executor the executor to feed
     * @param port the port, 0 for any free one
     * @param driver how to call apps that register here
     * @throws IOException if the port cannot be bound
     */
    public ExecutorServer(LocalExecutor executor, int port, CallDriver driver) throws IOException {
        this.executor = executor;
        this.driver = driver;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "inngest-executor-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * @param executor the executor to feed
     * @param port the port, 0 for any free one
     * @return a server that calls registered apps over HTTP
     * @throws IOException if the port cannot be bound
     */
    public static ExecutorServer start(LocalExecutor executor, int port) throws IOException {
        return new ExecutorServer(executor, port, new HttpCallDriver(Duration.ofSeconds(60)));
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:8288/} */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (method.equals("POST") && path.startsWith("/e/")) {
                events(exchange, body);
            } else if (method.equals("POST") && path.equals("/fn/register")) {
                JsonObject registration = (JsonObject) JsonMapper.parse(body);
                executor.register(registration, driver);
                reply(exchange, 200, Json.createObjectBuilder().add("ok", true).add("modified", true).build());
            } else if (method.equals("GET") && path.startsWith("/v0/runs/")) {
                runState(exchange, path.substring("/v0/runs/".length()));
            } else {
                reply(exchange, 404, Json.createObjectBuilder().add("error", "not found: " + method + " " + path).build());
            }
        } catch (JsonException | ClassCastException | IllegalArgumentException e) {
            reply(exchange, 400, Json.createObjectBuilder().add("error", String.valueOf(e.getMessage())).build());
        }
    }

    private void events(HttpExchange exchange, byte[] body) throws IOException {
        JsonValue parsed = JsonMapper.parse(body);
        List<JsonObject> events = new ArrayList<>();
        if (parsed instanceof JsonArray) {
            for (JsonValue v : (JsonArray) parsed) {
                events.add((JsonObject) v);
            }
        } else {
            events.add((JsonObject) parsed);
        }
        List<String> ids = executor.send(events);
        JsonArrayBuilder idArray = Json.createArrayBuilder();
        ids.forEach(idArray::add);
        reply(exchange, 200, Json.createObjectBuilder().add("ids", idArray).add("status", 200).build());
    }

    private void runState(HttpExchange exchange, String rest) throws IOException {
        String[] parts = rest.split("/");
        Optional<JsonObject[]> state = executor.state(parts[0]);
        if (state.isEmpty() || parts.length != 2) {
            reply(exchange, 404, Json.createObjectBuilder().add("error", "run not found").build());
        } else if (parts[1].equals("batch")) {
            reply(exchange, 200, state.get()[0].getJsonArray("events"));
        } else if (parts[1].equals("actions")) {
            reply(exchange, 200, state.get()[1]);
        } else {
            reply(exchange, 404, Json.createObjectBuilder().add("error", "not found").build());
        }
    }

    private static void reply(HttpExchange exchange, int status, JsonValue body) throws IOException {
        byte[] bytes = JsonMapper.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        LOG.fine("executor server stopped");
    }
}
