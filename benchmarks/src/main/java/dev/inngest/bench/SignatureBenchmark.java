package dev.inngest.bench;

import dev.inngest.execution.StepIds;
import dev.inngest.signature.RequestSigner;
import dev.inngest.signature.SigningKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Verifying a signature over bodies of growing state, and hashing a step id. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureBenchmark {

    @Param({"10", "1000"})
    public int steps;

    private final SigningKey key = SigningKey.of("signkey-test-8ee2262a15e8d3c42d6a840db7af3de2aab08ef632b32a37a687f24b34dba3ff");
    private final Instant now = Instant.parse("2026-12-04T12:00:00Z");
    private byte[] body;
    private String header;

    /** Signs a call body once. */
    @Setup
    public void setUp() {
        body = RunState.callBody(steps);
        header = RequestSigner.sign(body, key, now);
    }

    /** @return the verifying key */
    @Benchmark
    public Optional<SigningKey> verify() {
        return RequestSigner.verify(header, body, List.of(key), now);
    }

    /** @return the hash of a step id */
    @Benchmark
    public String hashStepId() {
        return new StepIds().hash("wait-for-payment");
    }
}
