package dev.inngest.bench;

import dev.inngest.json.JsonMapper;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
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
 * Parsing a call's body into JSON-P values: the SDK's byte reader against the provider's parser (Parsson) that
 * it replaced, on the body of a call with {@code steps} memoized steps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BodyParseBenchmark {

    @Param({"10", "100"})
    public int steps;

    private final JsonReaderFactory readers = Json.createReaderFactory(Map.of());
    private byte[] body;

    @Setup
    public void setUp() {
        body = RunState.callBody(steps);
    }

    /** @return the body, read by the SDK */
    @Benchmark
    public JsonValue sdkReader() {
        return JsonMapper.parse(body);
    }

    /** @return the body, decoded and parsed by the provider, as the SDK did before */
    @Benchmark
    public JsonValue providerParser() {
        try (JsonReader reader = readers.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            return reader.readValue();
        }
    }
}
