package dev.inngest.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.Inngest;
import dev.inngest.InngestConfig;
import dev.inngest.Sdk;
import dev.inngest.api.ApiResponse;
import dev.inngest.api.InngestApi;
import dev.inngest.api.InngestApiException;
import dev.inngest.function.FunctionOptions;
import dev.inngest.json.JsonMapper;
import dev.inngest.testkit.Golden;
import dev.inngest.testkit.Harness;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Out-of-band sync (PUT → POST /fn/register) in dev mode: protocol.md §1.2, TS captures 01, 01b, 01d, 01e. */
class SyncTest {

    static final String PING = "{\"url\":\"https://example.com/api/inngest\"}";
    static final Map<String, String> DEV_PING = Map.of("Content-Type", "application/json", "X-Inngest-Server-Kind", "dev");

    private final Harness app = RegistrationApp.install(Harness.dev());

    private JsonObject registered() {
        assertEquals(1, app.apiCalls.size(), "one call to the Inngest API");
        Harness.ApiCall call = app.apiCalls.get(0);
        assertEquals("register", call.what());
        return (JsonObject) JsonMapper.parse(call.body());
    }

    private static JsonObject fn(JsonObject body, String id) {
        for (JsonValue f : body.getJsonArray("functions")) {
            if (((JsonObject) f).getString("id").equals(id)) {
                return (JsonObject) f;
            }
        }
        throw new AssertionError("no function " + id + " in " + body);
    }

    @Test
    void devSyncPostsTheWholeAppToFnRegister() {
        ServeResponse r = app.request("PUT", null, DEV_PING, PING);

        Golden.assertApiCall("register-dev", app.apiCalls.get(0));
        JsonObject body = registered();
        assertEquals(List.of("url", "deployType", "framework", "appName", "functions", "sdk", "v", "capabilities"),
                List.copyOf(body.keySet()));
        assertEquals("https://example.com/api/inngest", body.getString("url"));
        assertEquals("ping", body.getString("deployType"));
        assertEquals("jaxrs", body.getString("framework"));
        assertEquals("my-app", body.getString("appName"));
        assertEquals("inngest-jakarta:v" + Sdk.VERSION, body.getString("sdk"));
        assertEquals(r.header("X-Inngest-SDK"), body.getString("sdk"), "spec: body sdk == X-Inngest-SDK");
        assertEquals("0.1", body.getString("v"));
        assertEquals(Json.createObjectBuilder().add("trust_probe", "v1").add("in_band_sync", "v1").build(),
                body.getJsonObject("capabilities"));
        assertEquals(RegistrationApp.FUNCTION_COUNT, body.getJsonArray("functions").size());
        assertNull(app.apiCalls.get(0).argument(), "no deployId");

        Map<String, String> headers = app.apiCalls.get(0).headers();
        assertEquals("out_of_band", headers.get("X-Inngest-Sync-Kind"));
        assertEquals("dev", headers.get("X-Inngest-Expected-Server-Kind"));
        assertEquals("jaxrs", headers.get("X-Inngest-Framework"));
    }

    @Test
    void devSyncAnswersSuccessfullySynced() {
        ServeResponse r = app.request("PUT", null, DEV_PING, PING);

        Golden.assertResponse("sync-dev-response", r);
        assertEquals(200, r.status());
        assertEquals(Json.createObjectBuilder().add("message", "Successfully synced.").add("modified", true).build(),
                Harness.json(r));
        assertEquals("out_of_band", r.header("X-Inngest-Sync-Kind"));
        assertEquals("dev", r.header("X-Inngest-Expected-Server-Kind"));
        assertEquals("inngest-jakarta:v" + Sdk.VERSION, r.header("X-Inngest-SDK"));
        assertEquals("2", r.header("X-Inngest-Req-Version"));
        assertEquals("application/json", r.header("Content-Type"));
        assertNull(r.header("X-Inngest-Signature"), "dev mode signs nothing");
    }

    @Test
    void functionWithEveryOption() {
        app.request("PUT", null, DEV_PING, PING);
        JsonObject f = fn(registered(), "my-app-all-options");

        assertEquals(List.of("id", "name", "triggers", "steps", "idempotency", "rateLimit", "throttle", "concurrency",
                "debounce", "priority", "timeouts", "singleton", "cancel"), List.copyOf(f.keySet()), "TS key order");
        assertEquals("All Options", f.getString("name"));
        assertEquals(JsonMapper.parse("[{\"event\":\"test/all\"},{\"event\":\"test/all.if\",\"expression\":\"event.data.x > 1\"},"
                + "{\"cron\":\"0 0 * * *\"},{\"cron\":\"TZ=Europe/Paris 0 9 * * *\"}]"), f.getJsonArray("triggers"));
        JsonObject step = f.getJsonObject("steps").getJsonObject("step");
        assertEquals("step", step.getString("id"));
        assertEquals("step", step.getString("name"));
        assertEquals("http", step.getJsonObject("runtime").getString("type"));
        assertEquals("https://example.com/api/inngest?fnId=my-app-all-options&stepId=step",
                step.getJsonObject("runtime").getString("url"));
        assertEquals(2, step.getJsonObject("retries").getInt("attempts"));
        assertEquals("event.data.id", f.getString("idempotency"));
        assertEquals(JsonMapper.parse("{\"limit\":1,\"period\":\"1h\",\"key\":\"event.data.user\"}"), f.get("rateLimit"));
        assertEquals(JsonMapper.parse("{\"limit\":10,\"period\":\"1m\",\"key\":\"event.data.user\",\"burst\":2}"),
                f.get("throttle"));
        assertEquals(JsonMapper.parse("[{\"limit\":5,\"key\":\"event.data.user\",\"scope\":\"env\"},"
                + "{\"limit\":10,\"key\":\"event.data.org\",\"scope\":\"account\"}]"), f.get("concurrency"));
        assertEquals(JsonMapper.parse("{\"period\":\"5s\",\"key\":\"event.data.user\",\"timeout\":\"1m\"}"), f.get("debounce"));
        assertEquals(JsonMapper.parse("{\"run\":\"event.data.prio\"}"), f.get("priority"));
        assertEquals(JsonMapper.parse("{\"start\":\"10m\",\"finish\":\"1h\"}"), f.get("timeouts"));
        assertEquals(JsonMapper.parse("{\"key\":\"event.data.user\",\"mode\":\"skip\"}"), f.get("singleton"));
        assertEquals(JsonMapper.parse("[{\"event\":\"test/cancel\",\"if\":\"event.data.id == async.data.id\"},"
                + "{\"event\":\"test/cancel.if\",\"timeout\":\"1d\",\"if\":\"event.data.id == async.data.id\"}]"),
                f.get("cancel"), "24h is normalized to 1d");
        assertFalse(f.toString().contains("backoff"), "back-off is applied by the SDK, not registered");
    }

    @Test
    void generatedFailureFunction() {
        app.request("PUT", null, DEV_PING, PING);
        JsonObject body = registered();
        JsonArray fns = body.getJsonArray("functions");
        assertEquals("my-app-all-options", fns.getJsonObject(0).getString("id"));
        assertEquals("my-app-all-options-failure", fns.getJsonObject(1).getString("id"), "right after its function");

        JsonObject f = fn(body, "my-app-all-options-failure");
        assertEquals(List.of("id", "name", "triggers", "steps"), List.copyOf(f.keySet()));
        assertEquals("All Options (failure)", f.getString("name"));
        assertEquals(JsonMapper.parse("[{\"event\":\"inngest/function.failed\","
                + "\"expression\":\"event.data.function_id == 'my-app-all-options'\"}]"), f.get("triggers"));
        JsonObject step = f.getJsonObject("steps").getJsonObject("step");
        assertEquals("https://example.com/api/inngest?fnId=my-app-all-options-failure&stepId=step",
                step.getJsonObject("runtime").getString("url"));
        assertEquals(1, step.getJsonObject("retries").getInt("attempts"));
    }

    @Test
    void batchingWithKeyAndCondition() {
        app.request("PUT", null, DEV_PING, PING);
        JsonObject f = fn(registered(), "my-app-batched");
        assertEquals(JsonMapper.parse("{\"maxSize\":100,\"timeout\":\"5s\",\"key\":\"event.data.user\",\"if\":\"event.data.x > 0\"}"),
                f.get("batchEvents"));
    }

    @Test
    void bareConcurrencyNumberAndSingletonCancelWithoutKey() {
        app.request("PUT", null, DEV_PING, PING);
        JsonObject f = fn(registered(), "my-app-conc-number");
        assertEquals("conc-number", f.getString("name"), "name defaults to the un-prefixed id");
        assertEquals(JsonMapper.parse("[{\"cron\":\"*/5 * * * *\"}]"), f.get("triggers"));
        assertEquals(Json.createValue(3), f.get("concurrency"));
        assertEquals(JsonMapper.parse("{\"mode\":\"cancel\"}"), f.get("singleton"));
    }

    @Test
    void singleConcurrencyLimitWithScopeIsAnArrayOfOne() {
        app.request("PUT", null, DEV_PING, PING);
        assertEquals(JsonMapper.parse("[{\"limit\":2,\"scope\":\"fn\"}]"), fn(registered(), "my-app-conc-object").get("concurrency"));
    }

    @Test
    void singleConcurrencyLimitWithKeyIsAnArrayOfOne() {
        JsonObject f = FunctionConfigs.of("my-app-k", FunctionOptions.builder("k").triggerEvent("e")
                .concurrency(dev.inngest.function.Concurrency.limit(1).key("event.data.user")).build(), "https://x.test/api");
        assertEquals(JsonMapper.parse("[{\"limit\":1,\"key\":\"event.data.user\"}]"), f.get("concurrency"));
    }

    @Test
    void functionWithoutOptionsHasNoRetriesAndNoOptionalKeys() {
        app.request("PUT", null, DEV_PING, PING);
        JsonObject f = fn(registered(), "my-app-plain");
        assertEquals(JsonMapper.parse("{\"id\":\"my-app-plain\",\"name\":\"plain\",\"triggers\":[{\"event\":\"test/plain\"}],"
                + "\"steps\":{\"step\":{\"id\":\"step\",\"name\":\"step\",\"runtime\":{\"type\":\"http\","
                + "\"url\":\"https://example.com/api/inngest?fnId=my-app-plain&stepId=step\"}}}}"), f);
        assertFalse(f.getJsonObject("steps").getJsonObject("step").containsKey("retries"), "server default applies");
    }

    @Test
    void durationsAreCanonicalTimeStrings() {
        JsonObject f = FunctionConfigs.of("my-app-d", FunctionOptions.builder("d").triggerEvent("e")
                .rateLimit(dev.inngest.function.RateLimit.of(1, "60m"))
                .throttle(dev.inngest.function.Throttle.of(1, java.time.Duration.ofMinutes(90)))
                .debounce(dev.inngest.function.Debounce.of("120s").timeout("24h"))
                .timeouts(dev.inngest.function.Timeouts.finishAfter("168h"))
                .build(), "https://x.test/api");
        assertEquals("1h", f.getJsonObject("rateLimit").getString("period"));
        assertEquals("1h30m", f.getJsonObject("throttle").getString("period"));
        assertEquals("2m", f.getJsonObject("debounce").getString("period"));
        assertEquals("1d", f.getJsonObject("debounce").getString("timeout"));
        assertEquals(JsonMapper.parse("{\"finish\":\"1w\"}"), f.get("timeouts"));
    }

    // ---- deployId ----

    @Test
    void deployIdGoesToTheApiAndTheBodyButNotIntoUrls() {
        ServeResponse r = app.request("PUT", "deployId=dep123", DEV_PING, PING);

        assertEquals(200, r.status());
        assertEquals("dep123", app.apiCalls.get(0).argument(), "POST /fn/register?deployId=dep123");
        JsonObject body = registered();
        assertEquals("dep123", body.getString("deployId"));
        assertEquals("https://example.com/api/inngest", body.getString("url"));
        assertFalse(body.getJsonArray("functions").toString().contains("deployId"), "step URLs keep no deployId");
        JsonObject withoutDeployId = Json.createObjectBuilder(body).remove("deployId").build();
        JsonObject golden = ((JsonObject) Golden.load("register-dev")).getJsonObject("body");
        assertEquals(golden, withoutDeployId, "otherwise the same registration");
    }

    @Test
    void emptyDeployIdIsNotSent() {
        app.request("PUT", "deployId=", DEV_PING, PING);
        assertFalse(registered().containsKey("deployId"));
    }

    // ---- register answers ----

    @Test
    void registerErrorGivesA500WithTheServerMessage() {
        app.apiAnswers.put("register", new ApiResponse(500, "{\"error\":\"boom\"}"));
        ServeResponse r = app.request("PUT", null, DEV_PING, PING);

        Golden.assertResponse("sync-dev-register-failed", r);
        assertEquals(500, r.status());
        assertEquals(JsonMapper.parse("{\"message\":\"boom\",\"modified\":false}"), Harness.json(r));
        assertEquals("out_of_band", r.header("X-Inngest-Sync-Kind"));
        assertEquals("inngest-jakarta:v" + Sdk.VERSION, r.header("X-Inngest-SDK"));
    }

    @Test
    void registerClientErrorAlsoGivesA500() {
        // TS 4.24 (01d) answers 200 here, taking the status from the body; we answer every non-2xx with 500.
        app.apiAnswers.put("register", new ApiResponse(400, "{\"error\":\"Expected server kind dev, got cloud\"}"));
        ServeResponse r = app.request("PUT", null, DEV_PING, PING);
        assertEquals(500, r.status());
        assertEquals(JsonMapper.parse("{\"message\":\"Expected server kind dev, got cloud\",\"modified\":false}"),
                Harness.json(r));
    }

    @Test
    void registerErrorWithoutJsonSaysTheStatus() {
        app.apiAnswers.put("register", new ApiResponse(502, "<html>Bad gateway</html>"));
        ServeResponse r = app.request("PUT", null, DEV_PING, PING);
        assertEquals(500, r.status());
        JsonObject body = (JsonObject) Harness.json(r);
        assertEquals(List.of("message", "modified"), List.copyOf(body.keySet()));
        assertTrue(body.getString("message").contains("502"), body.toString());
        assertEquals(JsonValue.FALSE, body.get("modified"));
    }

    @Test
    void notModifiedIsPassedOn() {
        app.apiAnswers.put("register", new ApiResponse(200, "{\"ok\":true,\"modified\":false,\"sync_id\":\"s\",\"app_id\":\"a\"}"));
        ServeResponse r = app.request("PUT", null, DEV_PING, PING);
        assertEquals(200, r.status());
        assertEquals(JsonMapper.parse("{\"message\":\"Successfully synced.\",\"modified\":false}"), Harness.json(r));
    }

    @Test
    void successWithoutBodyMeansNotModified() {
        app.apiAnswers.put("register", new ApiResponse(200, ""));
        ServeResponse r = app.request("PUT", null, DEV_PING, PING);
        assertEquals(200, r.status());
        assertEquals(JsonMapper.parse("{\"message\":\"Successfully synced.\",\"modified\":false}"), Harness.json(r));
    }

    @Test
    void unreachableInngestGivesA500() {
        InngestApi down = new InngestApi() {
            @Override
            public ApiResponse register(String deployId, Map<String, String> headers, String body) {
                throw new InngestApiException("connection refused", new java.net.ConnectException("Connection refused"));
            }

            @Override
            public ApiResponse runBatch(String runId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ApiResponse runActions(String runId) {
                throw new UnsupportedOperationException();
            }
        };
        Inngest inngest = Inngest.builder(InngestConfig.builder("my-app").dev(true).build()).api(down)
                .events(events -> List.of()).build();
        inngest.createFunction(FunctionOptions.builder("plain").triggerEvent("test/plain").build(), (ctx, step) -> null);
        ServeResponse r = inngest.handler().handle(new ServeRequest("PUT", Harness.SERVE_URL, DEV_PING,
                PING.getBytes(StandardCharsets.UTF_8)));
        assertEquals(500, r.status());
        JsonObject body = (JsonObject) JsonMapper.parse(r.body());
        assertEquals(JsonValue.FALSE, body.get("modified"));
        assertTrue(body.getString("message").contains("connection refused"), body.toString());
        assertEquals("out_of_band", r.header("X-Inngest-Sync-Kind"));
    }

    // ---- headers ----

    @Test
    void withoutServerKindNoExpectedServerKindIsSent() {
        ServeResponse r = app.request("PUT", null, Map.of("Content-Type", "application/json"), PING);
        assertEquals(200, r.status());
        assertFalse(app.apiCalls.get(0).headers().containsKey("X-Inngest-Expected-Server-Kind"));
        assertNull(r.header("X-Inngest-Expected-Server-Kind"));
    }

    @Test
    void expectedServerKindEchoesWhatThePingSaid() {
        ServeResponse r = app.request("PUT", null, Map.of("X-Inngest-Server-Kind", "cloud"), PING);
        assertEquals("cloud", app.apiCalls.get(0).headers().get("X-Inngest-Expected-Server-Kind"));
        assertEquals("cloud", r.header("X-Inngest-Expected-Server-Kind"));
    }

    @Test
    void outOfBandSyncIgnoresThePingBody() {
        app.request("PUT", null, DEV_PING, "{\"url\":\"https://evil.example.net/api/inngest\"}");
        assertEquals("https://example.com/api/inngest", registered().getString("url"));
    }

    @Test
    void envIsSentAsHeaderWhenSet() {
        Harness h = new Harness(InngestConfig.builder("my-app").dev(true).env("feature-x").build());
        h.inngest.createFunction(FunctionOptions.builder("plain").triggerEvent("test/plain").build(), (ctx, step) -> null);
        ServeResponse r = h.request("PUT", null, DEV_PING, PING);
        assertEquals("feature-x", r.header("X-Inngest-Env"));
    }

    // ---- serve origin / path ----

    private JsonObject registeredWith(Map<String, String> env) {
        InngestConfig config = InngestConfig.builder("my-app").from(env::get).build();
        Harness h = new Harness(config);
        h.inngest.createFunction(FunctionOptions.builder("plain").triggerEvent("test/plain").build(), (ctx, step) -> null);
        assertEquals(200, h.request("PUT", "deployId=d1", DEV_PING, PING).status());
        return (JsonObject) JsonMapper.parse(h.apiCalls.get(0).body());
    }

    private static String stepUrl(JsonObject body) {
        return body.getJsonArray("functions").getJsonObject(0).getJsonObject("steps").getJsonObject("step")
                .getJsonObject("runtime").getString("url");
    }

    @Test
    void serveOriginAndPathReplaceTheRequestUrl() {
        JsonObject body = registeredWith(Map.of("INNGEST_DEV", "1", "INNGEST_SERVE_ORIGIN", "https://shop.example.org",
                "INNGEST_SERVE_PATH", "/inngest"));
        assertEquals("https://shop.example.org/inngest", body.getString("url"));
        assertEquals("https://shop.example.org/inngest?fnId=my-app-plain&stepId=step", stepUrl(body));
    }

    @Test
    void serveOriginAloneKeepsTheRequestPath() {
        JsonObject body = registeredWith(Map.of("INNGEST_DEV", "1", "INNGEST_SERVE_ORIGIN", "http://10.0.0.5:8080/"));
        assertEquals("http://10.0.0.5:8080/api/inngest", body.getString("url"));
        assertEquals("http://10.0.0.5:8080/api/inngest?fnId=my-app-plain&stepId=step", stepUrl(body));
    }

    @Test
    void servePathAloneKeepsTheRequestOrigin() {
        JsonObject body = registeredWith(Map.of("INNGEST_DEV", "1", "INNGEST_SERVE_PATH", "custom/inngest"));
        assertEquals("https://example.com/custom/inngest", body.getString("url"));
    }

    @Test
    void deprecatedServeHostIsReadToo() {
        JsonObject body = registeredWith(Map.of("INNGEST_DEV", "1", "INNGEST_SERVE_HOST", "https://host.example.org"));
        assertEquals("https://host.example.org/api/inngest", body.getString("url"));
    }

    @Test
    void serveOriginFromTheBuilder() {
        Harness h = new Harness(InngestConfig.builder("my-app").dev(true).serveOrigin("https://b.example.org")
                .servePath("/x").build());
        h.inngest.createFunction(FunctionOptions.builder("plain").triggerEvent("test/plain").build(), (ctx, step) -> null);
        h.request("PUT", null, DEV_PING, PING);
        assertEquals("https://b.example.org/x", ((JsonObject) JsonMapper.parse(h.apiCalls.get(0).body())).getString("url"));
    }

    @Test
    void requestPortIsKept() {
        Harness h = Harness.dev();
        h.inngest.createFunction(FunctionOptions.builder("plain").triggerEvent("test/plain").build(), (ctx, step) -> null);
        h.inngest.handler().handle(new ServeRequest("PUT", URI.create("http://localhost:8080/app/api/inngest?deployId=x"),
                DEV_PING, PING.getBytes(StandardCharsets.UTF_8)));
        assertEquals("http://localhost:8080/app/api/inngest",
                ((JsonObject) JsonMapper.parse(h.apiCalls.get(0).body())).getString("url"));
    }
}
