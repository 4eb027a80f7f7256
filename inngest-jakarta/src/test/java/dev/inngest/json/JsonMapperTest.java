package dev.inngest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.inngest.step.TypeRef;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonMapper#fromJson} reads JSON-P values without a text round trip; every result and every error must
 * be the one JSON-B gives for the value's text as JSON-P writes it, which is what the mapper did before it had
 * direct routes (JSON-P writes {@code 1e3} as {@code 1E+3}, so that is the text to compare with).
 */
class JsonMapperTest {

    public record Item(String sku, int quantity, long priceCents) {
    }

    public record Mixed(String name, Integer count, double ratio, BigDecimal amount, BigInteger big, boolean flag,
            Instant at, Color color, List<Item> items, Map<String, Object> extra, Optional<String> note,
            int[] numbers, JsonObject raw) {
    }

    public enum Color { RED, GREEN }

    /** A POJO, as many users write them. */
    public static class Pojo {
        public String id;
        public List<String> tags;
        public Map<String, Integer> counts;

        @Override
        public boolean equals(Object o) {
            return o instanceof Pojo p && java.util.Objects.equals(id, p.id) && java.util.Objects.equals(tags, p.tags)
                && java.util.Objects.equals(counts, p.counts);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(id, tags, counts);
        }
    }

    private static final Jsonb JSONB = JsonbBuilder.create();

    private static final List<String> VALUES = List.of(
        "\"text\"", "\"\"", "\"42\"", "\"2026-01-02T03:04:05Z\"", "\"RED\"", "\"é\\u2028\\\"q\\\"\"",
        "true", "false",
        "0", "1", "-1", "42", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "1.5", "1.0", "-0.0", "1e3", "1E+2", "12345678901234567890.123456789", "1e400", "0.1",
        "{}", "[]", "[1,2,3]", "[\"a\",\"b\"]", "[1.5,\"x\",true,null,{\"a\":1},[2]]",
        "{\"sku\":\"s-1\",\"quantity\":3,\"priceCents\":300}",
        "[{\"sku\":\"s-1\",\"quantity\":3,\"priceCents\":300},{\"sku\":\"s-2\",\"quantity\":4,\"priceCents\":1}]",
        "{\"sku\":\"s-1\",\"quantity\":3.5,\"priceCents\":300}",
        "{\"sku\":1,\"quantity\":\"x\"}",
        "{\"id\":\"p\",\"tags\":[\"a\",\"b\"],\"counts\":{\"x\":1,\"y\":2},\"unknown\":{\"deep\":[1,{\"z\":null}]}}",
        "{\"name\":\"n\",\"count\":7,\"ratio\":0.25,\"amount\":12.50,\"big\":123456789012345678901234567890,"
            + "\"flag\":true,\"at\":\"2026-01-02T03:04:05Z\",\"color\":\"GREEN\","
            + "\"items\":[{\"sku\":\"s\",\"quantity\":1,\"priceCents\":2}],\"extra\":{\"a\":[1,2.5,\"x\",false,null],"
            + "\"b\":{\"c\":1}},\"note\":\"hi\",\"numbers\":[1,2,3],\"raw\":{\"k\":[1,{\"v\":true}]}}",
        "{\"a\":{\"b\":{\"c\":[[],[{}],[[1]]]}}}");

    private static final List<Type> TYPES = List.of(
        String.class, Object.class, Boolean.class, boolean.class, Integer.class, int.class, Long.class, long.class,
        Double.class, double.class, Float.class, Short.class, BigDecimal.class, BigInteger.class, Instant.class,
        Color.class, Item.class, Mixed.class, Pojo.class, Map.class, List.class, int[].class,
        new TypeRef<List<Item>>() { }.type(), new TypeRef<Map<String, Object>>() { }.type(),
        new TypeRef<Map<String, List<Integer>>>() { }.type(), new TypeRef<List<Object>>() { }.type(),
        new TypeRef<Optional<String>>() { }.type());

    @Test
    void everyValueMapsToEveryTypeAsJsonbDoesForTheText() {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (JsonMapper mapper : List.of(JsonMapper.defaults(), new JsonMapper(JSONB))) {
            for (String text : VALUES) {
                JsonValue json = JsonMapper.parse(text);
                for (Type type : TYPES) {
                    // what the mapper did before its direct routes: JSON-P writes the value, JSON-B parses it
                    String expected = outcome(() -> JSONB.fromJson(JsonMapper.write(json), type));
                    String actual = outcome(() -> mapper.fromJson(json, type));
                    compared++;
                    if (!expected.equals(actual)) {
                        differences.add(text + " -> " + type.getTypeName() + ": expected " + expected + ", got " + actual);
                    }
                }
            }
        }
        assertEquals(List.of(), differences, compared + " comparisons");
    }

    /** The mapper falls back to the text on errors; here the tree parser must stand alone for every success. */
    @Test
    void theTreeParserAloneReadsWhatTheTextReads() {
        org.eclipse.yasson.YassonJsonb yasson = (org.eclipse.yasson.YassonJsonb) JSONB;
        List<String> differences = new ArrayList<>();
        int successes = 0;
        for (String text : VALUES) {
            JsonValue json = JsonMapper.parse(text);
            for (Type type : TYPES) {
                String expected = outcome(() -> JSONB.fromJson(JsonMapper.write(json), type));
                String actual = outcome(() -> yasson.fromJson(new JsonTreeParser(json), type));
                if (expected.startsWith("error ") && actual.startsWith("error ")) {
                    continue;
                }
                successes++;
                if (!expected.equals(actual)) {
                    differences.add(text + " -> " + type.getTypeName() + ": expected " + expected + ", got " + actual);
                }
            }
        }
        assertEquals(List.of(), differences, successes + " successful mappings compared");
    }

    @Test
    void jsonValuesAndNullPassThrough() {
        JsonValue json = JsonMapper.parse("{\"a\":1}");
        assertSame(json, JsonMapper.defaults().fromJson(json, JsonObject.class));
        assertSame(json, JsonMapper.defaults().fromJson(json, JsonValue.class));
        assertEquals(null, JsonMapper.defaults().<Object>fromJson(JsonValue.NULL, String.class));
        assertEquals(null, JsonMapper.defaults().<Object>fromJson(null, Item.class));
    }

    @Test
    void aMappingErrorIsJsonbsOwn() {
        JsonValue json = JsonMapper.parse("{\"sku\":\"s\",\"quantity\":\"many\",\"priceCents\":1}");
        JsonbException e = assertThrows(JsonbException.class, () -> JsonMapper.defaults().fromJson(json, Item.class));
        JsonbException text = assertThrows(JsonbException.class, () -> JSONB.fromJson(JsonMapper.write(json), Item.class));
        assertEquals(text.getMessage(), e.getMessage());
    }

    /** A comparable description of a result or an error: type and value (arrays by content). */
    private static String outcome(java.util.concurrent.Callable<Object> mapping) {
        try {
            Object v = mapping.call();
            if (v == null) {
                return "null";
            }
            if (v instanceof int[] a) {
                return "int[]" + java.util.Arrays.toString(a);
            }
            if (v instanceof Mixed m) {
                return "Mixed" + List.of(String.valueOf(m.name()), String.valueOf(m.count()), m.ratio(),
                    String.valueOf(m.amount()), String.valueOf(m.big()), m.flag(), String.valueOf(m.at()),
                    String.valueOf(m.color()), String.valueOf(m.items()), m.extra() + deepTypes(m.extra()),
                    String.valueOf(m.note()), java.util.Arrays.toString(m.numbers()), String.valueOf(m.raw()));
            }
            if (v instanceof Pojo p) {
                return "Pojo" + List.of(String.valueOf(p.id), String.valueOf(p.tags), String.valueOf(p.counts));
            }
            return v.getClass().getName() + ":" + v + deepTypes(v);
        } catch (Exception e) {
            return "error " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** The classes inside collections, so a BigDecimal never passes for a Long that prints alike. */
    private static String deepTypes(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, x) -> sb.append(k).append('=').append(x == null ? "null" : x.getClass().getSimpleName())
                .append(deepTypes(x)).append(','));
            return sb.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            l.forEach(x -> sb.append(x == null ? "null" : x.getClass().getSimpleName()).append(deepTypes(x)).append(','));
            return sb.append(']').toString();
        }
        return "";
    }
}
