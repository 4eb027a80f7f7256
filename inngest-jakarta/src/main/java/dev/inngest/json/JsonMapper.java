package dev.inngest.json;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Maps between the JSON on the wire and the user's Java types.
 *
 * <p>Wire structures are JSON-P values ({@link JsonValue}), so the SDK controls every byte it sends;
 * user types (event data, step results, function results) go through JSON-B, so records, POJOs, lists
 * and maps work as users expect. No class name ever goes on the wire.
 */
public final class JsonMapper {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final JsonWriterFactory WRITERS = Json.createWriterFactory(Map.of());
    private static volatile JsonMapper defaultMapper;

    private final Jsonb jsonb;

    /**
     * A mapper on the given JSON-B instance, for users who configure JSON-B themselves.
     *
     * @param jsonb the JSON-B instance user types go through
     */
    public JsonMapper(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /**
     * The mapper on a default JSON-B instance (the runtime's JSON-B provider, Yasson on Payara and Liberty).
     *
     * @return the shared default mapper
     */
    public static JsonMapper defaults() {
        JsonMapper m = defaultMapper;
        if (m == null) {
            synchronized (JsonMapper.class) {
                m = defaultMapper;
                if (m == null) {
                    m = new JsonMapper(JsonbBuilder.create());
                    defaultMapper = m;
                }
            }
        }
        return m;
    }

    /**
     * Turns any value into JSON: JSON-P values pass through, everything else goes through JSON-B.
     *
     * @param value a user value, may be null
     * @return its JSON form, {@link JsonValue#NULL} for null
     */
    public JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue) {
            return (JsonValue) value;
        }
        return parse(jsonb.toJson(value));
    }

    /**
     * Maps JSON to a user type.
     *
     * @param json the JSON value, may be null or {@link JsonValue#NULL}
     * @param type the target type, a {@code Class} or a generic {@code Type}
     * @param <T> the target type
     * @return the mapped value, null for JSON null
     */
    @SuppressWarnings("unchecked")
    public <T> T fromJson(JsonValue json, Type type) {
        if (json == null || json == JsonValue.NULL) {
            return null;
        }
        if (type instanceof Class<?> && JsonValue.class.isAssignableFrom((Class<?>) type)) {
            return (T) json;
        }
        if (type == Object.class && json.getValueType() != JsonValue.ValueType.OBJECT
                && json.getValueType() != JsonValue.ValueType.ARRAY) {
            return (T) jsonb.fromJson(write(json), Object.class);
        }
        return jsonb.fromJson(write(json), type);
    }

    /**
     * Parses JSON text (any value, scalars included).
     *
     * @param text JSON text
     * @return the value
     * @throws JsonParsingException if the text is not JSON
     */
    public static JsonValue parse(String text) {
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /**
     * Parses JSON bytes (UTF-8).
     *
     * @param bytes JSON bytes
     * @return the value
     * @throws JsonParsingException if the bytes are not JSON
     */
    public static JsonValue parse(byte[] bytes) {
        // explicit UTF-8: auto-detection fails on bodies under two bytes with a non-parsing exception
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            return reader.readValue();
        }
    }

    /**
     * Writes a JSON value compactly.
     *
     * @param value the value
     * @return JSON text
     */
    public static String write(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT && value.getValueType() != JsonValue.ValueType.ARRAY) {
            return value.toString();
        }
        StringWriter out = new StringWriter();
        try (JsonWriter writer = WRITERS.createWriter(out)) {
            writer.write(value);
        }
        return out.toString();
    }
}
