package dev.inngest.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.inngest.Sdk;
import dev.inngest.json.JsonMapper;
import dev.inngest.protocol.ServeResponse;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Golden JSON files under {@code src/test/resources/golden/}: whole wire payloads kept in the repository so
 * that any change on the wire shows up in review.
 *
 * <p>Comparison is on JSON values, <b>key order included</b> (the order is part of what we mirror from the
 * TypeScript SDK). Volatile parts are scrubbed on both sides first: every {@code timing} member, and the value
 * of an {@code X-Inngest-Signature} header (kept as {@code "<signature>"} so its presence still counts).
 * The SDK version is written {@code ${sdk.version}} in golden files.
 *
 * <p>To (re)write golden files from the current output, run the tests with {@code -Dgolden.update=true} and
 * review the diff.
 */
public final class Golden {

    /** Where golden files are written in update mode (the module's directory is the working directory). */
    public static final Path SOURCE_DIR = Path.of("src", "test", "resources", "golden");
    /** The placeholder of the SDK version in golden files. */
    public static final String VERSION = "${sdk.version}";
    /** Members removed anywhere before comparing. */
    public static final Set<String> VOLATILE_MEMBERS = Set.of("timing");
    /** Headers whose value is replaced by {@code <signature>} before comparing. */
    public static final Set<String> VOLATILE_HEADERS = Set.of("x-inngest-signature");

    private static final JsonWriterFactory PRETTY = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private Golden() {
    }

    /**
     * @param name the file name without {@code .json}
     * @return the golden value, version placeholder resolved
     */
    public static JsonValue load(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name + ".json")) {
            assertNotNull(in, "missing golden file golden/" + name + ".json; run with -Dgolden.update=true to write it");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(VERSION, Sdk.VERSION);
            return JsonMapper.parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compares a value with a golden file (order-sensitive, volatile members scrubbed).
     *
     * @param name the golden file name without {@code .json}
     * @param actual the value produced
     */
    public static void assertMatches(String name, JsonValue actual) {
        JsonValue scrubbed = scrub(actual);
        if (Boolean.getBoolean("golden.update")) {
            write(name, scrubbed);
            return;
        }
        assertEquals(pretty(scrub(load(name))), pretty(scrubbed), "wire payload differs from golden/" + name + ".json");
    }

    /**
     * Compares a whole answer of the serve endpoint ({@code status}, {@code headers}, {@code body}) with a golden
     * file. A body that is not JSON is kept as a string.
     *
     * @param name the golden file name without {@code .json}
     * @param response the answer
     */
    public static void assertResponse(String name, ServeResponse response) {
        assertMatches(name, response(response));
    }

    /**
     * Compares a recorded call to the Inngest API ({@code what}, {@code argument}, {@code headers}, {@code body})
     * with a golden file.
     *
     * @param name the golden file name without {@code .json}
     * @param call the recorded call
     */
    public static void assertApiCall(String name, Harness.ApiCall call) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("what", call.what())
                .add("argument", call.argument() == null ? JsonValue.NULL : Json.createValue(call.argument()))
                .add("headers", headers(call.headers()))
                .add("body", body(call.body() == null ? "" : call.body()));
        assertMatches(name, b.build());
    }

    /**
     * @param response an answer
     * @return {@code {"status", "headers", "body"}}
     */
    public static JsonObject response(ServeResponse response) {
        return Json.createObjectBuilder()
                .add("status", response.status())
                .add("headers", headers(response.headers()))
                .add("body", body(response.bodyText()))
                .build();
    }

    /**
     * Removes volatile members and signature header values, recursively.
     *
     * @param value a JSON value
     * @return the value without volatile parts
     */
    public static JsonValue scrub(JsonValue value) {
        if (value instanceof JsonObject) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
                if (VOLATILE_MEMBERS.contains(e.getKey())) {
                    continue;
                }
                if (VOLATILE_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT))
                        && e.getValue().getValueType() == JsonValue.ValueType.STRING) {
                    b.add(e.getKey(), "<signature>");
                } else {
                    b.add(e.getKey(), scrub(e.getValue()));
                }
            }
            return b.build();
        }
        if (value instanceof JsonArray) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            for (JsonValue v : (JsonArray) value) {
                b.add(scrub(v));
            }
            return b.build();
        }
        return value;
    }

    /**
     * @param value a JSON value
     * @return it pretty-printed, key order kept
     */
    public static String pretty(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT && value.getValueType() != JsonValue.ValueType.ARRAY) {
            return value.toString();
        }
        StringWriter out = new StringWriter();
        try (JsonWriter w = PRETTY.createWriter(out)) {
            w.write(value);
        }
        return out.toString().strip();
    }

    private static JsonObject headers(Map<String, String> headers) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        headers.forEach(b::add);
        return b.build();
    }

    private static JsonValue body(String text) {
        if (text.isEmpty()) {
            return Json.createValue("");
        }
        try {
            return JsonMapper.parse(text);
        } catch (RuntimeException notJson) {
            return Json.createValue(text);
        }
    }

    private static void write(String name, JsonValue value) {
        try {
            Files.createDirectories(SOURCE_DIR);
            String text = pretty(value)
                    .replace(":v" + Sdk.VERSION + "\"", ":v" + VERSION + "\"")
                    .replace("\"" + Sdk.VERSION + "\"", "\"" + VERSION + "\"");
            Files.writeString(SOURCE_DIR.resolve(name + ".json"), text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
