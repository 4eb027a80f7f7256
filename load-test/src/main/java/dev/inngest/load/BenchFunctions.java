package dev.inngest.load;

import dev.inngest.cdi.InngestFunction;
import dev.inngest.cdi.OnEvent;
import dev.inngest.function.FunctionContext;
import dev.inngest.step.Step;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The function the load benchmark calls: up to 1,000 sequential {@code step.run}s, each returning a small
 * record, as {@code benchmarks/ReplayBenchmark} does. A call with n memoized steps replays n and runs one.
 */
@ApplicationScoped
public class BenchFunctions {

    /** What each step returns. */
    public record Item(String sku, int quantity, long priceCents) {
    }

    /**
     * @param ctx the run
     * @param step the step tools
     * @return the sum of the prices
     */
    @InngestFunction(id = "steps")
    @OnEvent("bench/go")
    public long steps(FunctionContext ctx, Step step) {
        long total = 0;
        for (int i = 0; i < 1000; i++) {
            int n = i;
            total += step.run("step-" + i, Item.class, () -> new Item("sku-" + n, n, 100L * n)).priceCents();
        }
        return total;
    }
}
