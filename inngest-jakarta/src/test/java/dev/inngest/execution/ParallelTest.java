package dev.inngest.execution;

import static dev.inngest.testkit.CallBody.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.inngest.function.FunctionOptions;
import dev.inngest.json.JsonMapper;
import dev.inngest.protocol.ServeResponse;
import dev.inngest.step.StepFuture;
import dev.inngest.step.TypeRef;
import dev.inngest.testkit.Harness;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parallel steps: planned together, then each run through its own targeted call, then discovery. */
class ParallelTest {

    private static final String X = "11f6ad8ec52a2984abaafd7c3b516503785c2072";
    private static final String Y = "95cb0bfd2977c761298d9624e4b4d4c72a39974a";

    private final Harness app = Harness.dev();
    private final List<String> ran = new ArrayList<>();

    ParallelTest() {
        app.inngest.createFunction(FunctionOptions.builder("parallel").triggerEvent("test/hello").build(), (ctx, step) -> {
            StepFuture<Integer> x = step.runAsync("x", Integer.class, () -> {
                ran.add("x");
                return 1;
            });
            StepFuture<Integer> y = step.runAsync("y", Integer.class, () -> {
                ran.add("y");
                return 2;
            });
            step.all(x, y);
            return Map.of("x", x.get(), "y", y.get());
        });
    }

    private static JsonArray ops(ServeResponse r) {
        assertEquals(206, r.status(), r.bodyText());
        return (JsonArray) Harness.json(r);
    }

    @Test
    void discoveryPlansBothStepsWithoutRunningThem() {
        JsonArray ops = ops(app.post("fnId=my-app-parallel&stepId=step", call().build()));
        assertEquals(JsonMapper.parse("[{\"displayName\":\"x\",\"op\":\"StepPlanned\",\"id\":\"" + X + "\",\"name\":\"x\","
                + "\"opts\":{},\"userland\":{\"id\":\"x\"},\"data\":null},{\"displayName\":\"y\",\"op\":\"StepPlanned\","
                + "\"id\":\"" + Y + "\",\"name\":\"y\",\"opts\":{},\"userland\":{\"id\":\"y\"},\"data\":null}]"), ops);
        assertEquals(List.of(), ran);
    }

    @Test
    void eachTargetedCallRunsOnlyItsStep() {
        JsonObject x = ops(app.post("fnId=my-app-parallel&stepId=" + X, call().disableImmediateExecution().build()))
                .getJsonObject(0);
        assertEquals("StepRun", x.getString("op"));
        assertEquals(X, x.getString("id"));
        assertEquals(1, x.getInt("data"));
        assertEquals(List.of("x"), ran);

        JsonObject y = ops(app.post("fnId=my-app-parallel&stepId=" + Y,
                call().disableImmediateExecution().data(X, Json.createValue(1)).build())).getJsonObject(0);
        assertEquals(Y, y.getString("id"));
        assertEquals(2, y.getInt("data"));
        assertEquals(List.of("x", "y"), ran);
    }

    @Test
    void targetingAStepBeforeAnotherNewOneStillRunsOnlyTheTarget() {
        JsonObject y = ops(app.post("fnId=my-app-parallel&stepId=" + Y, call().disableImmediateExecution().build()))
                .getJsonObject(0);
        assertEquals(Y, y.getString("id"));
        assertEquals(List.of("y"), ran);
    }

    @Test
    void discoveryAfterBothCompletesTheRun() {
        ServeResponse r = app.post("fnId=my-app-parallel&stepId=step",
                call().data(X, Json.createValue(1)).data(Y, Json.createValue(2)).build());
        assertEquals(200, r.status());
        assertEquals(JsonMapper.parse("{\"x\":1,\"y\":2}"), Harness.json(r));
        assertEquals(List.of(), ran);
    }

    @Test
    void oneRemainingParallelStepRunsAtOnceWhenAllowed() {
        JsonObject y = ops(app.post("fnId=my-app-parallel&stepId=step", call().data(X, Json.createValue(1)).build()))
                .getJsonObject(0);
        assertEquals("StepRun", y.getString("op"));
        assertEquals(List.of("y"), ran);
    }

    @Test
    void withImmediateExecutionDisabledAStepIsPlannedNotRun() {
        JsonArray ops = ops(app.post("fnId=my-app-parallel&stepId=step",
                call().disableImmediateExecution().data(X, Json.createValue(1)).build()));
        assertEquals(1, ops.size());
        assertEquals("StepPlanned", ops.getJsonObject(0).getString("op"));
        assertEquals(Y, ops.getJsonObject(0).getString("id"));
        assertEquals(List.of(), ran);
    }

    @Test
    void aTargetTheCodeNeverReachesIsReportedWithTheStepsFound() {
        String unknown = "0000000000000000000000000000000000000000";
        ServeResponse r = app.post("fnId=my-app-parallel&stepId=" + unknown, call().disableImmediateExecution().build());
        assertEquals(500, r.status());
        assertEquals("false", r.header("X-Inngest-No-Retry"));
        JsonObject body = (JsonObject) Harness.json(r);
        assertEquals(unknown, body.getString("requestedStep"));
        assertEquals(2, body.getInt("totalFoundSteps"));
        assertEquals(X, body.getJsonArray("foundSteps").getJsonObject(0).getString("id"));
        assertEquals(List.of(), ran);
    }

    @Test
    void runsSleepsAndWaitsCanBeParallel() {
        Harness mixed = Harness.dev();
        mixed.inngest.createFunction(FunctionOptions.builder("mixed").triggerEvent("test/hello").build(), (ctx, step) -> {
            var a = step.runAsync("a", String.class, () -> "A");
            var nap = step.sleepAsync("nap", java.time.Duration.ofSeconds(30));
            step.all(a, nap);
            return a.get();
        });
        JsonArray ops = ops(mixed.post("fnId=my-app-mixed&stepId=step", call().build()));
        assertEquals("StepPlanned", ops.getJsonObject(0).getString("op"));
        assertEquals("Sleep", ops.getJsonObject(1).getString("op"));
        assertEquals("30s", ops.getJsonObject(1).getString("name"));
    }

    @Test
    void stepsStartedButNeverAwaitedStillRunBeforeTheRunCompletes() {
        Harness fireAndForget = Harness.dev();
        fireAndForget.inngest.createFunction(FunctionOptions.builder("ff").triggerEvent("test/hello").build(),
                (ctx, step) -> {
                    step.runAsync("audit", String.class, () -> "logged");
                    return "done";
                });
        JsonArray ops = ops(fireAndForget.post("fnId=my-app-ff&stepId=step", call().build()));
        assertEquals("StepRun", ops.getJsonObject(0).getString("op"));
        assertEquals("logged", ops.getJsonObject(0).getString("data"));
    }

    public record Item(String sku, int qty) {
    }

    @Test
    void genericResultsComeBackAsTheRequestedType() {
        Harness typed = Harness.dev();
        typed.inngest.createFunction(FunctionOptions.builder("typed").triggerEvent("test/hello").build(), (ctx, step) -> {
            List<Item> items = step.run("items", new TypeRef<List<Item>>() { }, () -> List.of(new Item("a", 1)));
            return items.get(0).sku() + items.get(0).qty() + items.getClass().getSimpleName().isEmpty();
        });
        String hash = new StepIds().hash("items");
        ServeResponse r = typed.post("fnId=my-app-typed",
                call().data(hash, JsonMapper.parse("[{\"sku\":\"b\",\"qty\":7}]")).build());
        assertEquals(Json.createValue("b7false"), Harness.json(r));
        assertNull(r.header("X-Inngest-No-Retry"));
    }
}
