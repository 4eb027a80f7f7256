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
 * One call of a function whose {@code steps} steps are all memoized: parse the body, verify nothing
 * (dev mode), replay every step, map every result, return. Cost should grow linearly with the steps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReplayBenchmark {

    @Param({"1", "10", "100", "1000"})
    public int steps;

    private RunState state;
    private ServeRequest request;

    /** Builds the function and the call. */
    @Setup
    public void setUp() {
        state = new RunState(steps);
        request = new ServeRequest("POST", URI.create("http://localhost/api/inngest?fnId=bench-steps&stepId=step"),
                Map.of("Content-Type", "application/json"), state.body);
        ServeResponse check = state.inngest.handler().handle(request);
        if (check.status() != 200) {
            throw new IllegalStateException("the benchmark call did not complete: " + check.bodyText());
        }
    }

    /** @return the answer, so the JIT cannot drop the work */
    @Benchmark
    public ServeResponse replayAllSteps() {
        return state.inngest.handler().handle(request);
    }
}
