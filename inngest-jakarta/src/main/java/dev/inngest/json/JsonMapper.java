package dev.inngest.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Maps between the JSON on the wire and the user's Java types.
 *
 * <p>Wire structures are JSON-P values ({@link JsonValue}), so the SDK controls every byte it sends;
 * user types (event data, step results, function results) go through JSON-B, so records, POJOs, lists
 * and maps work as users expect. No class name ever goes on the wire.
 *
 * <p>Reading is on the replay path (every memoized step result of every call), so it avoids writing JSON-P
 * values back to text for JSON-B to parse again: JSON-B reads the value through a parser over the tree
 * ({@link JsonTreeParser}) when the provider takes a parser (Yasson's {@code YassonJsonb#fromJson(JsonParser,
 * Type)}, found at run time, so Yasson stays optional); with the default JSON-B configuration, strings, booleans and numbers read into
 * {@code String}, {@code Boolean}, {@code Integer}, {@code Long}, {@code Double}, {@code BigDecimal} and
 * {@code Object} directly, as JSON-B's default mapping does. Anything else, and any mapping the direct route
 * refuses, takes the text round trip, so results and errors stay those of JSON-B.
 */
public final class JsonMapper {

    private static final JsonReaderFactory READERS = Jsonp.createReaderFactory(Map.of());
    private static volatile JsonMapper defaultMapper;

    private final Jsonb jsonb;
    /** {@code fromJson(Jsonb, JsonParser, Type)} of the provider, or null if it has none. */
    private final MethodHandle readParser;
    /** True when the JSON-B instance has the default configuration, so scalars map as the spec says. */
    private final boolean defaultScalars;

    /**
     * A mapper on the given JSON-B instance, for users who configure JSON-B themselves.
     *
     * @param jsonb the JSON-B instance user types go through
     */
    public JsonMapper(Jsonb jsonb) {
        this(jsonb, false);
    }

    private JsonMapper(Jsonb jsonb, boolean defaultScalars) {
        this.jsonb = jsonb;
        this.readParser = parserReader(jsonb);
        this.defaultScalars = defaultScalars;
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
                    m = new JsonMapper(JsonbBuilder.create(), true);
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
        if (defaultScalars) {
            Object scalar = scalar(json, type);
            if (scalar != null) {
                return (T) scalar;
            }
        }
        if (readParser != null) {
            try {
                return (T) (Object) readParser.invokeExact(jsonb, (JsonParser) new JsonTreeParser(json), type);
            } catch (JsonbException | UnsupportedOperationException refused) {
                // a mapping error, or a parser call the tree parser lacks: the text
                // round trip below gives the result, or the very error, JSON-B gives for the text
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        return jsonb.fromJson(write(json), type);
    }

    /**
     * JSON-B's default mapping of a JSON scalar to a basic type, without a parser.
     *
     * @return the value, or null when this is not such a case (the caller goes through JSON-B)
     */
    private static Object scalar(JsonValue json, Type type) {
        switch (json.getValueType()) {
            case STRING:
                return type == String.class || type == Object.class ? ((JsonString) json).getString() : null;
            case TRUE:
            case FALSE:
                return type == Boolean.class || type == boolean.class || type == Object.class
                        ? json == JsonValue.TRUE : null;
            case NUMBER:
                return number((JsonNumber) json, type);
            default:
                return null;
        }
    }

    private static Object number(JsonNumber n, Type type) {
        if (type == BigDecimal.class || type == Object.class) {
            return n.bigDecimalValue();
        }
        if (type == Double.class || type == double.class) {
            return n.doubleValue();
        }
        if (!n.isIntegral()) {
            return null;
        }
        try {
            if (type == Integer.class || type == int.class) {
                return n.intValueExact();
            }
            if (type == Long.class || type == long.class) {
                return n.longValueExact();
            }
        } catch (ArithmeticException outOfRange) {
            return null;
        }
        return null;
    }

    /**
     * Finds {@code fromJson(JsonParser, Type)} on the JSON-B instance's Yasson interface, by name, so that the
     * library needs no Yasson at compile time and works with any provider. (Not Yasson's own
     * {@code fromJsonStructure}: its structure parser reads {@code true} into an {@code Object} as the string
     * {@code "true"}, where the text gives {@code Boolean.TRUE}.)
     */
    private static MethodHandle parserReader(Jsonb jsonb) {
        for (Class<?> c = jsonb.getClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (!i.getName().equals("org.eclipse.yasson.YassonJsonb")) {
                    continue;
                }
                try {
                    Method m = i.getMethod("fromJson", JsonParser.class, Type.class);
                    return MethodHandles.publicLookup().unreflect(m).asType(
                            MethodType.methodType(Object.class, Jsonb.class, JsonParser.class, Type.class));
                } catch (ReflectiveOperationException | RuntimeException unavailable) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * Parses JSON text (any value, scalars included).
     *
     * @param text JSON text
     * @return the value
     * @throws JsonParsingException if the text is not JSON
     */
    public static JsonValue parse(String text) {
        // the byte reader would see a lone surrogate as the '?' that UTF-8 encoding puts in its place
        if (!hasLoneSurrogate(text)) {
            JsonValue value = Utf8JsonReader.read(Jsonp.provider(), text.getBytes(StandardCharsets.UTF_8));
            if (value != null) {
                return value;
            }
        }
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
        JsonValue value = Utf8JsonReader.read(Jsonp.provider(), bytes);
        if (value != null) {
            return value;
        }
        // Not strict JSON: the provider parses it, so errors are its own. Explicit UTF-8: auto-detection fails
        // on bodies under two bytes with a non-parsing exception.
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            return reader.readValue();
        }
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes a JSON value compactly.
     *
     * @param value the value
     * @return JSON text
     */
    public static String write(JsonValue value) {
        return CompactWriter.write(value);
    }
}
