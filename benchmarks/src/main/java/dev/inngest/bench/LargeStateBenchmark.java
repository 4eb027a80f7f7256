package dev.inngest.bench;

import dev.inngest.protocol.ServeRequest;
import dev.inngest.protocol.ServeResponse;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One call carrying about 4 MB of state: 1,000 memoized steps of about 4 KB each, all replayed and mapped.
 * Run it with {@code -prof gc}: {@code gc.alloc.rate.norm} is the transient heap one such request costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LargeStateBenchmark {

    /** Characters of padding per step result; 4,000 × 1,000 steps ≈ 4 MB of body. */
    @Param({"4000"})
    public int padding;

    private RunState state;
    private ServeRequest request;

    /** Builds the function and the call. */
    @Setup
    public void setUp() {
        state = new RunState(1000, padding);
        request = new ServeRequest("POST", URI.create("http://localhost/api/inngest?fnId=bench-steps&stepId=step"),
                Map.of("Content-Type", "application/json"), state.body);
        ServeResponse check = state.inngest.handler().handle(request);
        if (check.status() != 200) {
            throw new IllegalStateException("the benchmark call did not complete: " + check.bodyText());
        }
        System.out.printf("%nbody: %,d bytes%n", state.body.length);
    }

    /** @return the answer, so the JIT cannot drop the work */
    @Benchmark
    public ServeResponse replayLargeState() {
        return state.inngest.handler().handle(request);
    }
}
