package dev.inngest.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The JSON-P accessor rules {@link ParsedObject} and {@link ParsedArray} share, as the provider applies them: a
 * default where the value is missing or of another kind, a {@code ClassCastException} where a boolean is asked
 * of something else.
 */
final class ValueReads {

    private ValueReads() {
    }

    /** @return the string, or the default when the value is absent (null) or not a string */
    static String stringOr(JsonValue value, String defaultValue) {
        return value instanceof JsonString ? ((JsonString) value).getString() : defaultValue;
    }

    /** @return the number as an int, or the default when the value is absent or not a number */
    static int intOr(JsonValue value, int defaultValue) {
        return value instanceof JsonNumber ? ((JsonNumber) value).intValue() : defaultValue;
    }

    /**
     * @param value a present value
     * @param what names it in the error
     * @return true or false
     * @throws ClassCastException if it is not a boolean
     */
    static boolean bool(JsonValue value, String what) {
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        throw new ClassCastException(what + " is not a boolean but " + value.getValueType());
    }

    /** @return true or false, or the default when the value is absent or not a boolean */
    static boolean boolOr(JsonValue value, boolean defaultValue) {
        return value == JsonValue.TRUE || value != JsonValue.FALSE && defaultValue;
    }
}
