package dev.inngest.protocol;

import static dev.inngest.testkit.CallBody.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.execution.StepIds;
import dev.inngest.function.FunctionContext;
import dev.inngest.function.FunctionOptions;
import dev.inngest.step.Step;
import dev.inngest.testkit.CallBody;
import dev.inngest.testkit.Harness;
import jakarta.json.Json;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A call carrying about 4 MB of state (1,000 memoized steps of 4 KB) is answered, and nothing of it outlives
 * the answer: the body, the step results mapped from it, the run's context and step tools all become
 * unreachable once the engine has answered, call after call. (The transient heap such a call costs is
 * measured by benchmarks/LargeStateBenchmark with {@code -prof gc}; see BENCHMARKS.md.)
 */
class LargeStateTest {

    static final int STEPS = 1000;
    static final String PAD = "x".repeat(4000);

    public record Item(String sku, int quantity) {
    }

    private final Harness app = Harness.dev();
    private final List<WeakReference<Object>> perCall = new ArrayList<>();

    LargeStateTest() {
        app.inngest.createFunction(FunctionOptions.builder("large").triggerEvent("test/hello").build(),
            (FunctionContext ctx, Step step) -> {
                long total = 0;
                for (int i = 0; i < STEPS; i++) {
                    int n = i;
                    Item item = step.run("step-" + i, Item.class, () -> new Item("sku-" + n, n));
                    total += item.quantity();
                    if (i == STEPS - 1) {
                        perCall.add(new WeakReference<>(item));
                    }
                }
                perCall.add(new WeakReference<>(ctx));
                perCall.add(new WeakReference<>(step));
                perCall.add(new WeakReference<>(ctx.event().data()));
                return total;
            });
    }

    @Test
    void aFourMegabyteCallLeavesNothingBehindOnceAnswered() {
        List<ServeResponse> answers = new ArrayList<>();
        for (int call = 0; call < 5; call++) {
            answers.add(callOnce());
        }
        for (ServeResponse r : answers) {
            assertEquals(200, r.status(), r.bodyText());
            assertEquals(String.valueOf((long) STEPS * (STEPS - 1) / 2), r.bodyText());
        }
        assertEquals(5 * 5, perCall.size(), "each call records its body, last step result, context, tools, data");
        // bounded: a full collection per round clears weak references to unreachable objects; 20 rounds at most
        for (int round = 0; round < 20 && perCall.stream().anyMatch(r -> r.get() != null); round++) {
            System.gc();
        }
        List<Integer> retained = new ArrayList<>();
        for (int i = 0; i < perCall.size(); i++) {
            if (perCall.get(i).get() != null) {
                retained.add(i);
            }
        }
        assertEquals(List.of(), retained, "objects of answered calls still reachable (answers are still held)");
    }

    /** One call; only weak references to its body remain here. */
    private ServeResponse callOnce() {
        StepIds ids = new StepIds();
        CallBody body = call();
        for (int i = 0; i < STEPS; i++) {
            body.data(ids.hash("step-" + i), Json.createObjectBuilder().add("sku", "sku-" + i + PAD).add("quantity", i)
                .build());
        }
        byte[] bytes = body.build().getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length > 4_000_000, bytes.length + " bytes");
        perCall.add(new WeakReference<>(bytes));
        return app.inngest.handler().handle(new ServeRequest("POST",
            URI.create(Harness.SERVE_URL + "?fnId=my-app-large&stepId=step"), Map.of("Content-Type", "application/json"),
            bytes));
    }
}
