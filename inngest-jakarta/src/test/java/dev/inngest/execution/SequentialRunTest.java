package dev.inngest.execution;

import static dev.inngest.testkit.CallBody.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.function.FunctionOptions;
import dev.inngest.protocol.ServeResponse;
import dev.inngest.testkit.Harness;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A two-step function walked through a whole run, call by call, as the server replays it. */
class SequentialRunTest {

    public record Total(int a, int b) {
    }

    private final Harness app = Harness.dev();
    private final AtomicInteger firstRuns = new AtomicInteger();

    SequentialRunTest() {
        app.inngest.createFunction(FunctionOptions.builder("two-runs").triggerEvent("test/hello").build(), (ctx, step) -> {
            int a = step.run("first", Integer.class, () -> {
                firstRuns.incrementAndGet();
                return 1;
            });
            int b = step.run("second", Integer.class, () -> a + 1);
            return new Total(a, b);
        });
    }

    @Test
    void firstCallRunsTheFirstStepAtOnce() {
        ServeResponse r = app.post("fnId=my-app-two-runs&stepId=step", call().build());
        assertEquals(206, r.status());
        JsonObject op = ((JsonArray) Harness.json(r)).getJsonObject(0);
        assertEquals("StepRun", op.getString("op"));
        assertEquals("e0996a37c13d44c3b06074939d43fa3759bd32c1", op.getString("id"));
        assertEquals("first", op.getString("name"));
        assertEquals("first", op.getString("displayName"));
        assertEquals(1, op.getInt("data"));
        assertEquals("2", r.header("X-Inngest-Req-Version"));
        assertTrue(r.header("X-Inngest-SDK").startsWith("inngest-jakarta:v"));
    }

    @Test
    void replaysMemoizedStepsWithoutRunningThemAgain() {
        ServeResponse second = app.post("fnId=my-app-two-runs&stepId=step",
                call().data("e0996a37c13d44c3b06074939d43fa3759bd32c1", Json.createValue(1)).build());
        assertEquals(206, second.status());
        JsonObject op = ((JsonArray) Harness.json(second)).getJsonObject(0);
        assertEquals("352f7829a2384b001cc12b0c2613c756454a1f6a", op.getString("id"));
        assertEquals(2, op.getInt("data"));
        assertEquals(0, firstRuns.get());

        ServeResponse done = app.post("fnId=my-app-two-runs&stepId=step",
                call().data("e0996a37c13d44c3b06074939d43fa3759bd32c1", Json.createValue(1))
                        .data("352f7829a2384b001cc12b0c2613c756454a1f6a", Json.createValue(2)).build());
        assertEquals(200, done.status());
        assertEquals(Json.createObjectBuilder().add("a", 1).add("b", 2).build(), Harness.json(done));
    }
}
