package dev.inngest.bench;

import dev.inngest.json.JsonMapper;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Mapping one memoized step result between JSON-P and a user type: the mapper's direct route against the
 * text round trip it replaced (JSON-P writes the value, JSON-B parses it), and writing a result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonMappingBenchmark {

    private final JsonMapper mapper = JsonMapper.defaults();
    private final Jsonb jsonb = JsonbBuilder.create();
    private final JsonValue item = JsonMapper.parse("{\"sku\":\"sku-42\",\"quantity\":42,\"priceCents\":4200}");
    private final JsonValue text = JsonMapper.parse("\"a step's string result\"");
    private final RunState.Item value = new RunState.Item("sku-42", 42, 4200);

    /** @return the record, read through the mapper */
    @Benchmark
    public RunState.Item readRecord() {
        return mapper.fromJson(item, RunState.Item.class);
    }

    /** @return the record, read as the mapper did before: write the value, parse the text */
    @Benchmark
    public RunState.Item readRecordViaText() {
        return jsonb.fromJson(JsonMapper.write(item), RunState.Item.class);
    }

    /** @return a string result, read through the mapper */
    @Benchmark
    public String readString() {
        return mapper.fromJson(text, String.class);
    }

    /** @return a string result, read as the mapper did before */
    @Benchmark
    public String readStringViaText() {
        return jsonb.fromJson(JsonMapper.write(text), String.class);
    }

    /** @return the record's JSON-P form, as a step's result is written */
    @Benchmark
    public JsonValue writeRecord() {
        return mapper.toJson(value);
    }
}
