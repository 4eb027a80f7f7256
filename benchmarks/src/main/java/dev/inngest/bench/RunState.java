package dev.inngest.bench;

import dev.inngest.Inngest;
import dev.inngest.InngestConfig;
import dev.inngest.api.InngestApi;
import dev.inngest.execution.StepIds;
import dev.inngest.function.FunctionOptions;
import dev.inngest.json.JsonMapper;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * A function of {@code steps} sequential {@code step.run}s, and the body of the call that comes after
 * all of them have run: every step memoized, so the function replays them all and then returns.
 */
final class RunState {

    /** What each step returns: a small record, as real steps do. */
    public record Item(String sku, int quantity, long priceCents) {
    }

    final Inngest inngest;
    final byte[] body;

    RunState(int steps) {
        this(steps, 0);
    }

    /**
     * @param steps memoized steps
     * @param padding characters added to each step result's {@code sku}, to make the state large
     */
    RunState(int steps, int padding) {
        InngestConfig config = InngestConfig.builder("bench").dev(true).build();
        this.inngest = Inngest.builder(config).api(InngestApi.unavailable()).events(events -> List.of()).build();
        inngest.createFunction(FunctionOptions.builder("steps").triggerEvent("bench/go").build(), (ctx, step) -> {
            long total = 0;
            for (int i = 0; i < steps; i++) {
                int n = i;
                total += step.run("step-" + i, Item.class, () -> new Item("sku-" + n, n, 100L * n)).priceCents();
            }
            return total;
        });
        this.body = callBody(steps, padding);
    }

    static byte[] callBody(int steps) {
        return callBody(steps, 0);
    }

    static byte[] callBody(int steps, int padding) {
        String pad = "x".repeat(padding);
        StepIds ids = new StepIds();
        JsonObjectBuilder memo = Json.createObjectBuilder();
        JsonArrayBuilder stack = Json.createArrayBuilder();
        for (int i = 0; i < steps; i++) {
            String hash = ids.hash("step-" + i);
            memo.add(hash, Json.createObjectBuilder().add("data", Json.createObjectBuilder()
                    .add("sku", "sku-" + i + pad).add("quantity", i).add("priceCents", 100L * i)));
            stack.add(hash);
        }
        JsonObjectBuilder event = Json.createObjectBuilder().add("name", "bench/go")
                .add("data", Json.createObjectBuilder().add("orderId", "o-1")).add("id", "01BENCH").add("ts", 1L)
                .add("user", Json.createObjectBuilder());
        JsonObjectBuilder ctx = Json.createObjectBuilder().add("attempt", 0).add("disable_immediate_execution", false)
                .add("fn_id", "00000000-0000-0000-0000-000000000000").add("max_attempts", 5).add("run_id", "01RUN")
                .add("stack", Json.createObjectBuilder().add("current", steps).add("stack", stack))
                .add("step_id", "step").add("use_api", false);
        return JsonMapper.write(Json.createObjectBuilder().add("ctx", ctx).add("event", event)
                .add("events", Json.createArrayBuilder().add(event)).add("steps", memo).add("use_api", false)
                .add("version", 2).build()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
