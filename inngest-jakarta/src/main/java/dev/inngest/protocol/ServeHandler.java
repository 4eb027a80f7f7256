package dev.inngest.protocol;

import dev.inngest.InngestConfig;
import dev.inngest.Sdk;
import dev.inngest.api.ApiResponse;
import dev.inngest.api.InngestApi;
import dev.inngest.api.InngestApiException;
import dev.inngest.event.EventSender;
import dev.inngest.execution.ErrorSerializer;
import dev.inngest.execution.Execution;
import dev.inngest.execution.ExecutionRequest;
import dev.inngest.execution.ExecutionResult;
import dev.inngest.function.FunctionDefinition;
import dev.inngest.json.JsonMapper;
import dev.inngest.json.Jsonp;
import dev.inngest.signature.RequestSigner;
import dev.inngest.signature.SigningKey;
import dev.inngest.tracing.TraceSpan;
import dev.inngest.tracing.Tracing;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The protocol engine: turns a request to the serve endpoint into its answer, knowing nothing of the HTTP
 * framework around it. {@code GET} introspects, {@code PUT} syncs the app, {@code POST} calls a function
 * (or answers a trust probe).
 */
public final class ServeHandler {

    private static final Logger LOG = Logger.getLogger(ServeHandler.class.getName());
    private static final byte[] EMPTY = new byte[0];

    private final InngestConfig config;
    private final AppFunctions functions;
    private final InngestApi api;
    private final EventSender events;
    private final JsonMapper mapper;
    private final Clock clock;
    private final String framework;
    private final Tracing tracing;
    private final Consumer<SyncOutcome> syncs;

    /**
     * @param config keys, mode and URLs
     * @param functions the app's functions
     * @param api the Inngest API, for sync and large run state
     * @param events sends the events of {@code step.sendEvent}
     * @param mapper JSON mapping of user types
     * @param clock the time signatures are checked against
     * @param framework the framework name reported to Inngest, e.g. {@code jaxrs}
     */
    public ServeHandler(InngestConfig config, AppFunctions functions, InngestApi api, EventSender events,
            JsonMapper mapper, Clock clock, String framework) {
        this(config, functions, api, events, mapper, clock, framework, Tracing.none(), outcome -> { });
    }

    /**
     * @param config keys, mode and URLs
     * @param functions the app's functions
     * @param api the Inngest API, for sync and large run state
     * @param events sends the events of {@code step.sendEvent}
     * @param mapper JSON mapping of user types
     * @param clock the time signatures are checked against
     * @param framework the framework name reported to Inngest, e.g. {@code jaxrs}
     * @param tracing opens a span per request and per executed step
     * @param syncs told the outcome of every sync
     */
    public ServeHandler(InngestConfig config, AppFunctions functions, InngestApi api, EventSender events,
            JsonMapper mapper, Clock clock, String framework, Tracing tracing, Consumer<SyncOutcome> syncs) {
        this.tracing = tracing;
        this.syncs = syncs;
        this.config = config;
        this.functions = functions;
        this.api = api;
        this.events = events;
        this.mapper = mapper;
        this.clock = clock;
        this.framework = framework;
    }

    /**
     * Answers one request.
     *
     * @param request the request, with its raw body
     * @return the answer
     */
    public ServeResponse handle(ServeRequest request) {
        try (TraceSpan span = tracing.request(spanName(request), request::header)) {
            span.set(Tracing.APP_ID, config.appId());
            ServeResponse answer = answer(request, span);
            span.set(Tracing.HTTP_STATUS, answer.status());
            if (answer.status() >= 400) {
                span.fail("answered " + answer.status());
            }
            return answer;
        }
    }

    private static String spanName(ServeRequest request) {
        switch (request.method()) {
            case "GET":
                return "inngest.introspect";
            case "PUT":
                return "inngest.sync";
            default:
                return Tracing.SPAN_CALL;
        }
    }

    private ServeResponse answer(ServeRequest request, TraceSpan span) {
        try {
            if (!config.isDev() && config.signingKey().isEmpty()) {
                LOG.severe(() -> "INNGEST-C002 " + request.method() + " refused: cloud mode needs a signing key; "
                        + "set INNGEST_SIGNING_KEY, or INNGEST_DEV=1 for the Inngest dev server");
                return json(request, null, 500, Jsonp.createObjectBuilder().add("code", "internal_server_error")
                        .add("message", "The Inngest endpoint is in cloud mode but has no signing key; "
                                + "set INNGEST_SIGNING_KEY, or INNGEST_DEV=1 for local development").build(), Map.of());
            }
            switch (request.method()) {
                case "GET":
                    return introspect(request);
                case "PUT":
                    return sync(request);
                case "POST":
                    return call(request, span);
                default:
                    return json(request, null, 405, message("Method " + request.method()
                            + " is not allowed; Inngest calls this endpoint with GET, PUT and POST"),
                            Map.of("Allow", "GET, PUT, POST"));
            }
        } catch (RuntimeException unexpected) {
            LOG.log(Level.SEVERE, "INNGEST-E900 unexpected error while answering " + request.method(), unexpected);
            return json(request, null, 500, internal("Unexpected error in the Inngest endpoint; see the app's log"),
                    Map.of());
        }
    }

    // ---- GET ----

    private ServeResponse introspect(ServeRequest request) {
        int count = functions.all().size();
        if (config.isDev()) {
            return json(request, null, 200, Introspection.unauthenticated(config, count, null), Map.of());
        }
        String signature = request.header("X-Inngest-Signature");
        Optional<SigningKey> key = verify(request);
        if (key.isPresent()) {
            return json(request, key.get(), 200, Introspection.authenticated(config, count, framework), Map.of());
        }
        return json(request, null, 200,
                Introspection.unauthenticated(config, count, signature == null ? null : Boolean.FALSE), Map.of());
    }

    // ---- PUT ----

    private ServeResponse sync(ServeRequest request) {
        Optional<SigningKey> key = config.isDev() ? Optional.empty() : verify(request);
        boolean trusted = config.isDev() || key.isPresent();
        if ("in_band".equalsIgnoreCase(request.header("X-Inngest-Sync-Kind")) && config.allowInBandSync()) {
            if (!trusted) {
                return unauthorized(request, "in-band sync");
            }
            return inBandSync(request, key.orElse(null));
        }
        if (!trusted && !config.allowUnauthenticatedSync()) {
            return unauthorized(request, "sync");
        }
        String serverKind = request.header("X-Inngest-Server-Kind");
        if (config.isDev() && serverKind != null && !serverKind.equals("dev")) {
            LOG.warning(() -> "INNGEST-S003 sync request from an Inngest " + serverKind
                    + " server while this app is in dev mode; set INNGEST_DEV=0 to serve Inngest cloud");
        }
        String deployId = request.query("deployId");
        String url = appUrl(request);
        JsonObjectBuilder payload = Jsonp.createObjectBuilder()
                .add("url", url)
                .add("deployType", "ping")
                .add("framework", framework)
                .add("appName", config.appId())
                .add("functions", FunctionConfigs.of(functions, url))
                .add("sdk", Sdk.USER_AGENT)
                .add("v", "0.1")
                .add("capabilities", Introspection.capabilities());
        if (deployId != null && !deployId.isEmpty()) {
            payload.add("deployId", deployId);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Inngest-Framework", framework);
        headers.put("X-Inngest-Sync-Kind", "out_of_band");
        headers.put("x-inngest-sdk-handled", "true");
        if (serverKind != null) {
            headers.put("X-Inngest-Expected-Server-Kind", serverKind);
        }
        Map<String, String> syncKind = Map.of("X-Inngest-Sync-Kind", "out_of_band");
        ApiResponse answer;
        try {
            answer = api.register(deployId, headers, JsonMapper.write(payload.build()));
        } catch (InngestApiException e) {
            LOG.warning(() -> "INNGEST-S002 sync of app " + config.appId() + " to " + url + " failed: " + e.getMessage());
            recordSync(false, "out_of_band", "Could not reach Inngest to sync: " + e.getMessage());
            return json(request, key.orElse(null), 500, syncResult("Could not reach Inngest to sync: "
                    + e.getMessage(), false), syncKind);
        }
        JsonObject body = parseObject(answer.body());
        if (!answer.isSuccess()) {
            String reason = body.get("error") instanceof JsonString ? body.getString("error")
                    : "Inngest answered " + answer.status() + " to the sync";
            LOG.warning(() -> "INNGEST-S002 sync of app " + config.appId() + " to " + url + " failed: " + reason);
            recordSync(false, "out_of_band", reason);
            return json(request, key.orElse(null), 500, syncResult(reason, false), syncKind);
        }
        boolean modified = body.get("modified") == JsonValue.TRUE;
        LOG.info(() -> "INNGEST-S001 synced app " + config.appId() + " (" + functions.all().size()
                + " functions) at " + url + (modified ? "; Inngest recorded changes" : ""));
        recordSync(true, "out_of_band", "Successfully synced.");
        return json(request, key.orElse(null), 200, syncResult("Successfully synced.", modified), syncKind);
    }

    private ServeResponse inBandSync(ServeRequest request, SigningKey key) {
        JsonValue body;
        try {
            body = JsonMapper.parse(request.body());
        } catch (JsonException e) {
            return json(request, key, 400, message("The in-band sync body is not JSON: " + e.getMessage()), Map.of());
        }
        if (!(body instanceof JsonObject) || !(((JsonObject) body).get("url") instanceof JsonString)) {
            return json(request, key, 400, message("The in-band sync body must be {\"url\": \"...\"}"), Map.of());
        }
        String url = ((JsonObject) body).getString("url");
        int count = functions.all().size();
        JsonObject inspection = key == null ? Introspection.unauthenticated(config, count, null)
                : Introspection.authenticated(config, count, framework);
        JsonObject answer = Jsonp.createObjectBuilder()
                .add("app_id", config.appId())
                .add("capabilities", Introspection.capabilities())
                .add("env", config.env().<JsonValue>map(Jsonp::createValue).orElse(JsonValue.NULL))
                .add("framework", framework)
                .add("functions", FunctionConfigs.of(functions, url))
                .add("inspection", inspection)
                .add("sdk_author", "inngest-jakarta")
                .add("sdk_language", Sdk.LANGUAGE)
                .add("sdk_version", Sdk.VERSION)
                .add("sdk", Sdk.USER_AGENT)
                .add("url", url)
                .build();
        LOG.info(() -> "INNGEST-S004 in-band sync of app " + config.appId() + " at " + url);
        recordSync(true, "in_band", "Successfully synced.");
        return json(request, key, 200, answer, Map.of("X-Inngest-Sync-Kind", "in_band"));
    }

    // ---- POST ----

    private ServeResponse call(ServeRequest request, TraceSpan span) {
        Optional<SigningKey> key = config.isDev() ? Optional.empty() : verify(request);
        if (!config.isDev() && key.isEmpty()) {
            return unauthorized(request, "call");
        }
        SigningKey signer = key.orElse(null);
        String probe = request.query("probe");
        if (probe != null) {
            if (probe.equals("trust")) {
                return respond(request, signer, 200, EMPTY, Map.of());
            }
            return json(request, signer, 400, ErrorSerializer.internal("Unknown probe \"" + probe + "\""), Map.of());
        }
        String fnId = request.query("fnId");
        if (fnId == null || fnId.isEmpty()) {
            return json(request, signer, 500, internal("No function ID (fnId) found in the request"), Map.of());
        }
        span.set(Tracing.FUNCTION_ID, fnId);
        FunctionDefinition function = functions.find(fnId);
        if (function == null) {
            return json(request, signer, 500, internal("Function \"" + fnId
                    + "\" was not found in this app; is the app synced correctly?"), Map.of());
        }
        ExecutionRequest parsed;
        try {
            parsed = ExecutionRequest.parse(JsonMapper.parse(request.body()));
        } catch (JsonException | IllegalArgumentException e) {
            return json(request, signer, 400, internal("Bad request body: " + e.getMessage()), Map.of());
        }
        if (parsed.useApi()) {
            try {
                parsed = withFetchedState(parsed);
            } catch (InngestApiException | IllegalStateException e) {
                LOG.warning(() -> "INNGEST-E002 run " + request.query("fnId") + ": " + e.getMessage());
                return json(request, signer, 500, internal(e.getMessage()), Map.of());
            }
        }
        String stepId = request.query("stepId");
        if (stepId == null) {
            stepId = request.header("X-Inngest-Step-ID");
        }
        span.set(Tracing.FUNCTION_ID, function.id()).set(Tracing.RUN_ID, parsed.runId())
                .set(Tracing.ATTEMPT, parsed.attempt()).set(Tracing.STEP_ID, stepId);
        ExecutionResult result = new Execution(function, config.appId(), parsed, stepId, mapper, events, clock,
                tracing).run();
        if (tracing.isActive()) {
            span.set(Tracing.OP, result.op()); // op() builds a string; the no-op span would drop it
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (result.noRetry() != null) {
            headers.put("X-Inngest-No-Retry", result.noRetry().toString());
        }
        if (result.retryAfter() != null) {
            headers.put("Retry-After", result.retryAfter());
        }
        return json(request, signer, result.status(), result.body(), headers);
    }

    private ExecutionRequest withFetchedState(ExecutionRequest request) {
        ApiResponse batch = api.runBatch(request.runId());
        ApiResponse actions = api.runActions(request.runId());
        if (!batch.isSuccess()) {
            throw new IllegalStateException("Failed to retrieve the events of run " + request.runId()
                    + " from Inngest (status " + batch.status() + ")");
        }
        if (!actions.isSuccess()) {
            throw new IllegalStateException("Failed to retrieve the steps of run " + request.runId()
                    + " from Inngest (status " + actions.status() + ")");
        }
        JsonValue events = parseOrNull(batch.body());
        JsonValue steps = parseOrNull(actions.body());
        if (!(events instanceof JsonArray) || !(steps instanceof JsonObject)) {
            throw new IllegalStateException("Inngest answered the state of run " + request.runId()
                    + " in an unexpected shape");
        }
        List<JsonObject> list = new ArrayList<>();
        for (JsonValue e : (JsonArray) events) {
            if (e instanceof JsonObject) {
                list.add((JsonObject) e);
            }
        }
        return request.withState(list, (JsonObject) steps);
    }

    // ---- helpers ----

    private void recordSync(boolean succeeded, String kind, String message) {
        try {
            syncs.accept(new SyncOutcome(clock.instant(), succeeded, kind, message));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "a sync listener failed", e);
        }
    }

    private Optional<SigningKey> verify(ServeRequest request) {
        Optional<SigningKey> key = RequestSigner.verify(request.header("X-Inngest-Signature"), request.body(),
                config.signingKeys(), clock.instant());
        if (key.isEmpty()) {
            LOG.fine(() -> "INNGEST-A001 " + request.method() + " with a missing, expired or invalid signature");
        }
        return key;
    }

    private ServeResponse unauthorized(ServeRequest request, String what) {
        boolean missing = request.header("X-Inngest-Signature") == null;
        LOG.warning(() -> "INNGEST-A002 " + what + " refused: the request's X-Inngest-Signature is "
                + (missing ? "missing" : "expired or not made with this app's signing key")
                + " (checked against the key(s) with hash " + keyHashes() + ")");
        return json(request, null, 401, message("Unauthorized"), Map.of());
    }

    /** @return the short hashes of the signing keys, never the keys */
    private String keyHashes() {
        List<String> hashes = new ArrayList<>();
        config.signingKeys().forEach(k -> hashes.add(k.shortHash()));
        return String.join(", ", hashes);
    }

    private String appUrl(ServeRequest request) {
        URI u = request.url();
        String origin = config.serveOrigin().orElse(u.getScheme() + "://" + u.getRawAuthority());
        if (!origin.contains("://")) {
            origin = "https://" + origin;
        }
        while (origin.endsWith("/")) {
            origin = origin.substring(0, origin.length() - 1);
        }
        String path = config.servePath().orElse(u.getRawPath() == null ? "" : u.getRawPath());
        if (!path.isEmpty() && !path.startsWith("/")) {
            path = "/" + path;
        }
        return origin + path;
    }

    private ServeResponse json(ServeRequest request, SigningKey key, int status, JsonValue body,
            Map<String, String> extra) {
        return respond(request, key, status, JsonMapper.write(body).getBytes(StandardCharsets.UTF_8), extra);
    }

    private ServeResponse respond(ServeRequest request, SigningKey key, int status, byte[] body,
            Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Inngest-SDK", Sdk.USER_AGENT);
        headers.put("User-Agent", Sdk.USER_AGENT);
        headers.put("X-Inngest-Framework", framework);
        headers.put("X-Inngest-Req-Version", Sdk.REQUEST_VERSION);
        headers.put("x-inngest-sdk-handled", "true");
        config.env().ifPresent(env -> headers.put("X-Inngest-Env", env));
        String serverKind = request.header("X-Inngest-Server-Kind");
        if (serverKind != null) {
            headers.put("X-Inngest-Expected-Server-Kind", serverKind);
        }
        headers.putAll(extra);
        if (key != null) {
            headers.put("X-Inngest-Signature", RequestSigner.sign(body, key, clock.instant()));
        }
        return new ServeResponse(status, headers, body);
    }

    private static JsonObject syncResult(String message, boolean modified) {
        return Jsonp.createObjectBuilder().add("message", message).add("modified", modified).build();
    }

    private static JsonObject message(String message) {
        return Jsonp.createObjectBuilder().add("message", message).build();
    }

    private static JsonObject internal(String message) {
        return Jsonp.createObjectBuilder().add("type", "internal").add("name", "Error").add("message", message)
                .add("__serialized", true).build();
    }

    private static JsonObject parseObject(String text) {
        JsonValue v = parseOrNull(text);
        return v instanceof JsonObject ? (JsonObject) v : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static JsonValue parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JsonMapper.parse(text);
        } catch (JsonException e) {
            return null;
        }
    }
}
