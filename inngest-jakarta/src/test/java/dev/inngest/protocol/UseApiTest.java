package dev.inngest.protocol;

import static dev.inngest.testkit.CallBody.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.api.ApiResponse;
import dev.inngest.function.FunctionOptions;
import dev.inngest.signature.RequestSigner;
import dev.inngest.signature.SigningKey;
import dev.inngest.testkit.Harness;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Large run state: {@code use_api} makes the SDK fetch events and steps from the API (protocol.md §3, TS 19a–19c). */
class UseApiTest {

    static final String HASH_A = "86f7e437faa5a7fce15d1ddcb9eaeaea377667b8";
    static final String HASH_B = "e9d71f5ee7c92d6dc9e92ffdad17b8bd49418f98";
    static final String RUN = "01HRUN0000000000000000000R";
    static final String FN = "fnId=my-app-use-api&stepId=step";
    static final String BATCH = "[{\"data\":{\"id\":\"from-api\",\"x\":2},\"id\":\"01HEVT0000000000000000000E\","
            + "\"name\":\"test/hello\",\"ts\":1700000000000,\"user\":{}},"
            + "{\"data\":{\"id\":\"def\",\"x\":3},\"id\":\"01HEVT0000000000000000000F\",\"name\":\"test/hello\","
            + "\"ts\":1700000000000,\"user\":{}}]";
    static final String ACTIONS = "{\"" + HASH_A + "\":{\"data\":\"a-from-api\"}}";

    private final AtomicInteger aRuns = new AtomicInteger();
    private final AtomicInteger handlerRuns = new AtomicInteger();

    private Harness install(Harness app) {
        app.inngest.createFunction(FunctionOptions.builder("use-api").triggerEvent("test/hello").build(), (ctx, step) -> {
            handlerRuns.incrementAndGet();
            String a = step.run("a", String.class, () -> {
                aRuns.incrementAndGet();
                return "a-direct";
            });
            return step.run("b", String.class,
                    () -> a + "|" + ctx.event().data().getString("id") + "|" + ctx.events().size());
        });
        return app;
    }

    private static void answerState(Harness app) {
        app.apiAnswers.put("batch", new ApiResponse(200, BATCH));
        app.apiAnswers.put("actions", new ApiResponse(200, ACTIONS));
    }

    @Test
    void fetchesEventsAndStepsAndRunsWithThem() {
        Harness app = install(Harness.dev());
        answerState(app);
        // As the server sends it: events [] and steps {}, but ctx.stack still lists the completed step.
        String body = call().useApi().data(HASH_A, jakarta.json.Json.createValue("not sent")).build();
        assertTrue(body.contains("\"steps\":{}") && body.contains("\"stack\":[\"" + HASH_A + "\"]"), body);
        ServeResponse r = app.post(FN, body);

        assertEquals(206, r.status(), r.bodyText());
        JsonArray ops = (JsonArray) Harness.json(r);
        assertEquals(1, ops.size());
        JsonObject op = ops.getJsonObject(0);
        assertEquals("StepRun", op.getString("op"));
        assertEquals(HASH_B, op.getString("id"));
        assertEquals("b", op.getString("name"));
        assertEquals("a-from-api|from-api|2", op.getString("data"),
                "step a memoized from the API, event = first of the API batch, events = the whole batch");
        assertEquals(0, aRuns.get(), "the memoized step is not run again");

        assertEquals(List.of("batch", "actions"), app.apiCalls.stream().map(Harness.ApiCall::what).toList());
        app.apiCalls.forEach(c -> assertEquals(RUN, c.argument(), "GET /v0/runs/{runId}/..."));
        ProtocolAssertions.assertSdkHeaders(r);
    }

    @Test
    void withoutUseApiNothingIsFetched() {
        Harness app = install(Harness.dev());
        answerState(app);
        ServeResponse r = app.post(FN, call().build());
        assertEquals(206, r.status());
        assertTrue(app.apiCalls.isEmpty());
        assertEquals(1, aRuns.get());
    }

    @Test
    void signedCloudCallFetchesStateAndSignsTheAnswer() {
        Harness app = install(Harness.cloud());
        answerState(app);
        ServeResponse r = app.signedPost(FN, call().useApi().build(), Harness.SIGNING_KEY, Harness.NOW);
        assertEquals(206, r.status());
        assertEquals("a-from-api|from-api|2", ((JsonArray) Harness.json(r)).getJsonObject(0).getString("data"));
        String sig = r.header("X-Inngest-Signature");
        assertNotNull(sig);
        assertTrue(RequestSigner.verify(sig, r.body(), List.of(SigningKey.of(Harness.SIGNING_KEY)), Harness.NOW).isPresent());
    }

    @Test
    void unsignedCloudCallFetchesNothing() {
        Harness app = install(Harness.cloud());
        answerState(app);
        ServeResponse r = app.post(FN, call().useApi().build());
        assertEquals(401, r.status());
        assertTrue(app.apiCalls.isEmpty(), "no API call before the signature is checked");
        assertEquals(0, handlerRuns.get());
    }

    @Test
    void failingBatchFetchIs500() {
        Harness app = install(Harness.dev());
        app.apiAnswers.put("batch", new ApiResponse(404, "{\"error\":\"run not found\",\"status\":404}"));
        app.apiAnswers.put("actions", new ApiResponse(200, "{}"));
        ServeResponse r = app.post(FN, call().useApi().build());

        assertEquals(500, r.status());
        JsonObject body = (JsonObject) Harness.json(r);
        assertEquals("internal", body.getString("type"));
        assertEquals("Error", body.getString("name"));
        assertTrue(body.getString("message").contains(RUN), body.toString());
        assertTrue(body.getString("message").contains("404"), body.toString());
        assertEquals(0, handlerRuns.get(), "the function does not run without its state");
        ProtocolAssertions.assertSdkHeaders(r);
        ProtocolAssertions.assertNoLeak(r);
    }

    @Test
    void failingActionsFetchIs500() {
        Harness app = install(Harness.dev());
        app.apiAnswers.put("batch", new ApiResponse(200, BATCH));
        app.apiAnswers.put("actions", new ApiResponse(500, "{\"error\":\"boom\"}"));
        ServeResponse r = app.post(FN, call().useApi().build());
        assertEquals(500, r.status());
        assertEquals("internal", ((JsonObject) Harness.json(r)).getString("type"));
        assertEquals(0, handlerRuns.get());
    }

    @Test
    void unexpectedStateShapeIs500() {
        Harness app = install(Harness.dev());
        app.apiAnswers.put("batch", new ApiResponse(200, "{\"events\":[]}"));
        app.apiAnswers.put("actions", new ApiResponse(200, ACTIONS));
        ServeResponse r = app.post(FN, call().useApi().build());
        assertEquals(500, r.status());
        assertEquals("internal", ((JsonObject) Harness.json(r)).getString("type"));
        assertEquals(0, handlerRuns.get());
    }

    @Test
    void nonJsonStateIs500() {
        Harness app = install(Harness.dev());
        app.apiAnswers.put("batch", new ApiResponse(200, BATCH));
        app.apiAnswers.put("actions", new ApiResponse(200, "<html>"));
        ServeResponse r = app.post(FN, call().useApi().build());
        assertEquals(500, r.status());
        assertEquals(0, handlerRuns.get());
    }
}
