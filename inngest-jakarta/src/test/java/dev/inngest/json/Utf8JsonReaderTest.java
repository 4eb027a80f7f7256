package dev.inngest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte reader must give exactly what the provider's parser gives, value by value (class, equality, text,
 * number representation and member order), and must hand everything else to the provider. Each check compares
 * against Parsson's own parse of the same bytes.
 */
class Utf8JsonReaderTest {

    private static final JsonProvider PROVIDER = Jsonp.provider();

    /** Strict JSON the reader must read itself. */
    private static final List<String> VALID = List.of(
            "{}", "[]", "0", "-0", "1", "-1", "123456789", "-123456789", "1234567890", "-1234567890",
            "2147483647", "-2147483648", "2147483648", "123456789012345678", "-123456789012345678",
            "1234567890123456789", "-1234567890123456789", "9223372036854775807", "-9223372036854775808",
            "9223372036854775808", "123456789012345678901234567890", "1.0", "1.50", "-0.0", "0.1", "1e2", "1E2",
            "1e+2", "1e-2", "-1.5E-10", "1.0e400", "12.3456789e-300", "10", "100000000", "0e0",
            "true", "false", "null", "\"\"", "\"a\"", "\"caf\u00e9\"", "\"\u4e2d\u6587\"", "\"\ud83d\ude00 emoji\"",
            "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u0041\\u00e9\\u4E2D\\ud83d\\ude00\"", "\"\\ud800 lone\"",
            "\"a\\u0000b\"", "\"tab\\tin\"", "\"\u007f\"", "\"mixed \u00e9 and \\n escape \u4e2d\"",
            " \t\r\n{ \"a\" : 1 , \"b\" : [ 1 , 2 ] } \n", "{\"a\":1,\"a\":2}", "{\"b\":1,\"a\":2,\"c\":3}",
            "[1,\"two\",3.0,true,false,null,{},[],{\"x\":[{\"y\":{}}]}]",
            "{\"event\":{\"name\":\"shop/order.created\",\"data\":{\"orderId\":\"o-1\",\"total\":12.5},"
                    + "\"id\":\"01J\",\"ts\":1700000000000,\"user\":{}},\"steps\":{\"a1b2\":{\"type\":\"data\","
                    + "\"data\":{\"sku\":\"s\",\"quantity\":2}}},\"ctx\":{\"run_id\":\"r\",\"attempt\":0,"
                    + "\"disable_immediate_execution\":false,\"use_api\":false,\"stack\":{\"stack\":[\"a1b2\"],"
                    + "\"current\":1}},\"version\":2,\"use_api\":false}");

    /** Not strict JSON, or beyond the reader's limits: the provider decides. */
    private static final List<String> HANDED_OVER = List.of(
            "", " ", "{", "}", "[", "]", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[,1]", "{a:1}", "{'a':1}",
            "01", "-", "1.", ".5", "1e", "1e+", "+1", "-01", "NaN", "Infinity", "tru", "nul", "falsey", "truex",
            "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "\"a\u0001b\"", "\"line\nbreak\"", "1 2", "{} {}",
            "[1]]", "\ufeff{}", "/*c*/{}", "{\"a\":1}x", "1".repeat(300), "[".repeat(300) + "]".repeat(300));

    @Test
    void readsStrictJsonAsTheProviderDoes() {
        for (String text : VALID) {
            JsonValue ours = Utf8JsonReader.read(PROVIDER, text.getBytes(StandardCharsets.UTF_8));
            assertNotNull(ours, () -> "read itself: " + text);
            assertIdentical(providerParse(text), ours, text);
        }
    }

    @Test
    void handsEverythingElseToTheProvider() {
        for (String text : HANDED_OVER) {
            assertNull(Utf8JsonReader.read(PROVIDER, text.getBytes(StandardCharsets.UTF_8)), () -> "handed over: " + text);
        }
    }

    @Test
    void theMapperGivesTheProvidersErrorsAndLeniency() {
        for (String text : HANDED_OVER) {
            Object expected;
            try {
                expected = providerParse(text);
            } catch (JsonException e) {
                expected = e.getClass().getName() + ": " + e.getMessage();
            }
            Object actual;
            try {
                actual = JsonMapper.parse(text.getBytes(StandardCharsets.UTF_8));
            } catch (JsonException e) {
                actual = e.getClass().getName() + ": " + e.getMessage();
            }
            assertEquals(String.valueOf(expected), String.valueOf(actual), text);
        }
    }

    @Test
    void malformedUtf8InStringsBecomesTheReplacementCharacterAsWhenDecoded() {
        byte[][] bodies = {
            {'"', (byte) 0xC3, '"'},
            {'"', 'a', (byte) 0xE2, (byte) 0x82, '"'},
            {'"', (byte) 0xE2, '\\', 'n', '"'},
            {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},
            {'"', (byte) 0xFF, (byte) 0xFE, 'x', '"'},
        };
        for (byte[] body : bodies) {
            JsonValue ours = Utf8JsonReader.read(PROVIDER, body);
            assertNotNull(ours);
            String decoded = new String(body, StandardCharsets.UTF_8);
            assertIdentical(providerParse(decoded), ours, decoded);
        }
    }

    @Test
    void objectsAndArraysAnswerEveryAccessorAsTheProvidersDo() {
        String text = "{\"s\":\"x\",\"i\":7,\"big\":12345678901,\"d\":1.5,\"t\":true,\"f\":false,\"n\":null,"
                + "\"o\":{\"k\":1},\"a\":[\"x\",7,true,false,null,{},[],1.5]}";
        JsonObject expected = (JsonObject) providerParse(text);
        JsonObject actual = (JsonObject) Utf8JsonReader.read(PROVIDER, text.getBytes(StandardCharsets.UTF_8));
        for (String name : List.of("s", "i", "big", "d", "t", "f", "n", "o", "a", "missing")) {
            assertSameOutcome(() -> expected.getString(name), () -> actual.getString(name), name);
            assertSameOutcome(() -> expected.getString(name, "def"), () -> actual.getString(name, "def"), name);
            assertSameOutcome(() -> expected.getInt(name), () -> actual.getInt(name), name);
            assertSameOutcome(() -> expected.getInt(name, -1), () -> actual.getInt(name, -1), name);
            assertSameOutcome(() -> expected.getBoolean(name), () -> actual.getBoolean(name), name);
            assertSameOutcome(() -> expected.getBoolean(name, true), () -> actual.getBoolean(name, true), name);
            assertSameOutcome(() -> expected.getBoolean(name, false), () -> actual.getBoolean(name, false), name);
            assertSameOutcome(() -> expected.isNull(name), () -> actual.isNull(name), name);
            assertSameOutcome(() -> expected.getJsonString(name), () -> actual.getJsonString(name), name);
            assertSameOutcome(() -> expected.getJsonNumber(name), () -> actual.getJsonNumber(name), name);
            assertSameOutcome(() -> expected.getJsonObject(name), () -> actual.getJsonObject(name), name);
            assertSameOutcome(() -> expected.getJsonArray(name), () -> actual.getJsonArray(name), name);
            assertSameOutcome(() -> expected.containsKey(name), () -> actual.containsKey(name), name);
        }
        assertSameOutcome(() -> expected.getValue("/a/1"), () -> actual.getValue("/a/1"), "pointer");
        JsonArray ea = expected.getJsonArray("a");
        JsonArray aa = actual.getJsonArray("a");
        for (int i = -1; i <= ea.size(); i++) {
            int at = i;
            assertSameOutcome(() -> ea.getString(at), () -> aa.getString(at), "a" + at);
            assertSameOutcome(() -> ea.getString(at, "def"), () -> aa.getString(at, "def"), "a" + at);
            assertSameOutcome(() -> ea.getInt(at), () -> aa.getInt(at), "a" + at);
            assertSameOutcome(() -> ea.getInt(at, -1), () -> aa.getInt(at, -1), "a" + at);
            assertSameOutcome(() -> ea.getBoolean(at), () -> aa.getBoolean(at), "a" + at);
            assertSameOutcome(() -> ea.getBoolean(at, true), () -> aa.getBoolean(at, true), "a" + at);
            assertSameOutcome(() -> ea.isNull(at), () -> aa.isNull(at), "a" + at);
            assertSameOutcome(() -> ea.getJsonObject(at), () -> aa.getJsonObject(at), "a" + at);
            assertSameOutcome(() -> ea.getJsonNumber(at), () -> aa.getJsonNumber(at), "a" + at);
        }
        assertEquals(ea.getValuesAs(JsonValue.class), aa.getValuesAs(JsonValue.class));
        // the provider takes them as its own: a builder copies them, its writer writes them as it writes its own
        assertEquals(expected, PROVIDER.createObjectBuilder(actual).build());
        assertEquals(JsonMapper.write(expected), JsonMapper.write(actual));
        // JSON-B writes a user's value that holds them (event data kept in a step result) as it writes the provider's
        jakarta.json.bind.Jsonb jsonb = jakarta.json.bind.JsonbBuilder.create();
        assertEquals(jsonb.toJson(new Holder(expected, ea)), jsonb.toJson(new Holder(actual, aa)));
    }

    /** A user type holding JSON-P values. */
    public record Holder(JsonObject raw, JsonArray list) {
    }

    @Test
    void largeObjectsFindEveryMemberAndKeepTheLastOfARepeatedName() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < 200; i++) {
            text.append(i == 0 ? "" : ",").append("\"k").append(i % 150).append("\":").append(i);
        }
        String json = text.append('}').toString();
        JsonObject expected = (JsonObject) providerParse(json);
        JsonObject actual = (JsonObject) JsonMapper.parse(json.getBytes(StandardCharsets.UTF_8));
        assertIdentical(expected, actual, json);
        assertEquals(150, actual.size());
        for (int i = 0; i < 150; i++) {
            assertEquals(expected.get("k" + i), actual.get("k" + i));
        }
        assertNull(actual.get("k150"));
        assertIdentical(providerParse("{\"a\":1,\"b\":2,\"a\":3}"), JsonMapper.parse("{\"a\":1,\"b\":2,\"a\":3}"), "repeat");
    }

    @Test
    void manyDistinctNamesAndNamesThatShareASlotReadCorrectly() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < 10_000; i++) {
            // "Aa" and "BB" have the same String hash: names built from them collide in every table
            text.append(i == 0 ? "" : ",").append("\"").append(i % 2 == 0 ? "Aa" : "BB").append(i).append("\":").append(i);
        }
        String json = text.append('}').toString();
        for (int round = 0; round < 2; round++) {
            JsonObject actual = (JsonObject) JsonMapper.parse(json.getBytes(StandardCharsets.UTF_8));
            assertIdentical(providerParse(json), actual, "10,000 names, round " + round);
            assertEquals(2, actual.getInt("Aa2"));
            assertNull(actual.get("BB2"));
        }
    }

    private static void assertSameOutcome(java.util.concurrent.Callable<Object> expected,
            java.util.concurrent.Callable<Object> actual, String what) {
        Object e;
        Object a;
        try {
            e = expected.call();
        } catch (Exception ex) {
            e = ex.getClass();
        }
        try {
            a = actual.call();
        } catch (Exception ex) {
            a = ex.getClass();
        }
        assertEquals(e, a, what);
    }

    @Test
    void malformedUtf8InALargeBodyReadsAsTheProviderDecodesIt() {
        // the provider streams a body through a UTF-8 decoder; a large one crosses its buffers
        byte[] pad = "x".repeat(9000).getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[pad.length + 16];
        int at = 0;
        for (byte b : "{\"p\":\"".getBytes(StandardCharsets.UTF_8)) {
            body[at++] = b;
        }
        System.arraycopy(pad, 0, body, at, pad.length);
        at += pad.length;
        for (byte b : new byte[] {(byte) 0xE2, (byte) 0x82, 'y', (byte) 0xFF, '"', '}'}) {
            body[at++] = b;
        }
        byte[] exact = java.util.Arrays.copyOf(body, at);
        JsonValue ours = Utf8JsonReader.read(PROVIDER, exact);
        assertNotNull(ours);
        JsonValue streamed;
        try (JsonReader reader = PROVIDER.createReaderFactory(Map.of()).createReader(new java.io.ByteArrayInputStream(exact), StandardCharsets.UTF_8)) {
            streamed = reader.readValue();
        }
        assertIdentical(streamed, ours, "9 KB with malformed UTF-8");
    }

    /** Clearing an empty object: whatever the provider does (Parsson 1.1.7 lets it pass), the reader's object does. */
    @Test
    void clearingAnEmptyObjectDoesWhatTheProvidersDoes() {
        JsonObject empty = (JsonObject) JsonMapper.parse("{}".getBytes(StandardCharsets.UTF_8));
        assertSameOutcome(() -> {
            ((JsonObject) providerParse("{}")).clear();
            return "cleared";
        }, () -> {
            empty.clear();
            return "cleared";
        }, "clear");
        assertSameOutcome(() -> {
            ((JsonObject) providerParse("{}")).entrySet().clear();
            return "cleared";
        }, () -> {
            empty.entrySet().clear();
            return "cleared";
        }, "entrySet().clear");
    }

    @Test
    void textWithALoneSurrogateKeepsItThroughTheMapper() {
        String text = "\"a\ud800b\"";
        assertEquals("a\ud800b", ((jakarta.json.JsonString) JsonMapper.parse(text)).getString());
        assertEquals("\ud83d\ude00", ((jakarta.json.JsonString) JsonMapper.parse("\"\ud83d\ude00\"")).getString());
    }

    /**
     * Random documents, and random damage to them: whenever the reader answers, the provider must parse the same
     * bytes to an identical value; every undamaged document must be read by the reader itself.
     */
    @Test
    void randomDocumentsAndDamagedOnesAgreeWithTheProvider() {
        Random random = new Random(20261204);
        byte[] noise = "{}[]\":,.-+eE0123456789tfn\\u \t\n\u00e9x".getBytes(StandardCharsets.UTF_8);
        int readByUs = 0;
        for (int i = 0; i < 3000; i++) {
            String text = randomValue(random, 0);
            JsonValue ours = Utf8JsonReader.read(PROVIDER, text.getBytes(StandardCharsets.UTF_8));
            assertNotNull(ours, text);
            JsonValue expected = providerParse(text);
            assertIdentical(expected, ours, text);
            assertEquals(providerWrite(expected), JsonMapper.write(expected), text);
            byte[] damaged = text.getBytes(StandardCharsets.UTF_8);
            int at = random.nextInt(damaged.length);
            damaged[at] = noise[random.nextInt(noise.length)];
            JsonValue oursDamaged = Utf8JsonReader.read(PROVIDER, damaged);
            if (oursDamaged != null) {
                readByUs++;
                String decoded = new String(damaged, StandardCharsets.UTF_8);
                assertIdentical(providerParse(decoded), oursDamaged, decoded);
            }
        }
        // some damage leaves valid JSON (a digit for a digit); those must have been compared, not skipped
        assertEquals(true, readByUs > 100, "damaged documents still valid: " + readByUs);
    }

    private static String randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 4 : 7);
        switch (kind) {
            case 0:
                return randomNumber(random);
            case 1:
                return randomString(random);
            case 2:
                return List.of("true", "false", "null").get(random.nextInt(3));
            case 3:
                return randomString(random);
            case 4:
            case 5: {
                StringBuilder o = new StringBuilder("{");
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    o.append(i == 0 ? "" : ",").append(ws(random)).append(randomString(random)).append(ws(random))
                            .append(':').append(randomValue(random, depth + 1)).append(ws(random));
                }
                return o.append('}').toString();
            }
            default: {
                StringBuilder a = new StringBuilder("[");
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    a.append(i == 0 ? "" : ",").append(ws(random)).append(randomValue(random, depth + 1));
                }
                return a.append(ws(random)).append(']').toString();
            }
        }
    }

    private static String randomNumber(Random random) {
        StringBuilder n = new StringBuilder();
        if (random.nextBoolean()) {
            n.append('-');
        }
        int digits = 1 + random.nextInt(random.nextBoolean() ? 9 : 25);
        n.append(random.nextInt(10) == 0 ? '0' : (char) ('1' + random.nextInt(9)));
        if (n.charAt(n.length() - 1) != '0') {
            for (int i = 1; i < digits; i++) {
                n.append((char) ('0' + random.nextInt(10)));
            }
        }
        if (random.nextInt(4) == 0) {
            n.append('.').append(random.nextInt(1000));
        }
        if (random.nextInt(6) == 0) {
            n.append(random.nextBoolean() ? 'e' : 'E').append(List.of("", "+", "-").get(random.nextInt(3)))
                    .append(random.nextInt(400));
        }
        return n.toString();
    }

    private static String randomString(Random random) {
        String[] pieces = {"a", "Z", "key", " ", "\u00e9", "\u4e2d", "\ud83d\ude00", "\\n", "\\\"", "\\\\", "\\/",
            "\\u0041", "\\u00E9", "\\ud83d\\ude00", "\\t", "'", "\u007f", "$", "{", "]", "\\u0001", "\\u001F",
            "\\b", "\\f", "\\r", "\\u0000", "\\u2028", "\\udfff"};
        StringBuilder s = new StringBuilder("\"");
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            s.append(pieces[random.nextInt(pieces.length)]);
        }
        return s.append('"').toString();
    }

    private static String ws(Random random) {
        return random.nextInt(4) == 0 ? List.of(" ", "\n", "\t ", "\r\n").get(random.nextInt(4)) : "";
    }

    private static String providerWrite(JsonValue value) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (jakarta.json.JsonWriter writer = PROVIDER.createWriter(out)) {
            writer.write(value);
        }
        return out.toString();
    }

    private static JsonValue providerParse(String text) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /**
     * Same kind (the provider's own class for scalars), equal both ways, same hash, same text, same number
     * representation, same member order, all the way down.
     */
    private static void assertIdentical(JsonValue expected, JsonValue actual, String text) {
        assertEquals(expected.getValueType(), actual.getValueType(), text);
        if (!(expected instanceof JsonObject) && !(expected instanceof JsonArray)) {
            assertEquals(expected.getClass(), actual.getClass(), text);
        }
        assertEquals(expected, actual, text);
        assertEquals(actual, expected, text);
        assertEquals(expected.hashCode(), actual.hashCode(), text);
        assertEquals(expected.toString(), actual.toString(), text);
        if (expected == JsonValue.TRUE || expected == JsonValue.FALSE || expected == JsonValue.NULL) {
            assertSame(expected, actual, text);
        }
        if (expected instanceof JsonNumber e) {
            JsonNumber a = (JsonNumber) actual;
            assertEquals(e.isIntegral(), a.isIntegral(), text);
            assertEquals(e.numberValue().getClass(), a.numberValue().getClass(), text);
            assertEquals(e.numberValue(), a.numberValue(), text);
        } else if (expected instanceof JsonObject e) {
            Iterator<Map.Entry<String, JsonValue>> a = ((JsonObject) actual).entrySet().iterator();
            for (Map.Entry<String, JsonValue> member : e.entrySet()) {
                Map.Entry<String, JsonValue> other = a.next();
                assertEquals(member.getKey(), other.getKey(), text);
                assertIdentical(member.getValue(), other.getValue(), text);
            }
        } else if (expected instanceof JsonArray e) {
            List<JsonValue> a = new ArrayList<>((JsonArray) actual);
            for (int i = 0; i < e.size(); i++) {
                assertIdentical(e.get(i), a.get(i), text);
            }
        }
        assertThrows(UnsupportedOperationException.class, () -> {
            if (actual instanceof JsonObject o) {
                o.put("x", JsonValue.NULL);
            } else if (actual instanceof JsonArray a) {
                a.add(JsonValue.NULL);
            } else {
                throw new UnsupportedOperationException("scalars are immutable");
            }
        }, text);
    }
}
