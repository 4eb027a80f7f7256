package dev.inngest.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable JSON array read by {@link Utf8JsonReader}, over one array of values. Behaves as the JSON-P
 * specification says a {@link JsonArray} does, as the provider's arrays do: equal to any list with the same
 * values, written as compact JSON by {@link #toString()}.
 */
final class ParsedArray extends AbstractList<JsonValue> implements JsonArray, RandomAccess {

    private final JsonValue[] values;

    /** @param values the values, owned by this array from now on */
    ParsedArray(JsonValue[] values) {
        this.values = values;
    }

    @Override
    public JsonValue get(int index) {
        return values[Objects.checkIndex(index, values.length)];
    }

    /** @return the value at an index, or null out of range (the accessors with a default take that) */
    private JsonValue orNull(int index) {
        return index >= 0 && index < values.length ? values[index] : null;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public JsonObject getJsonObject(int index) {
        return (JsonObject) get(index);
    }

    @Override
    public JsonArray getJsonArray(int index) {
        return (JsonArray) get(index);
    }

    @Override
    public JsonNumber getJsonNumber(int index) {
        return (JsonNumber) get(index);
    }

    @Override
    public JsonString getJsonString(int index) {
        return (JsonString) get(index);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends JsonValue> List<T> getValuesAs(Class<T> clazz) {
        return (List<T>) this;
    }

    @Override
    public String getString(int index) {
        return getJsonString(index).getString();
    }

    @Override
    public String getString(int index, String defaultValue) {
        return ValueReads.stringOr(orNull(index), defaultValue);
    }

    @Override
    public int getInt(int index) {
        return getJsonNumber(index).intValue();
    }

    @Override
    public int getInt(int index, int defaultValue) {
        return ValueReads.intOr(orNull(index), defaultValue);
    }

    @Override
    public boolean getBoolean(int index) {
        return ValueReads.bool(get(index), "value " + index);
    }

    @Override
    public boolean getBoolean(int index, boolean defaultValue) {
        return ValueReads.boolOr(orNull(index), defaultValue);
    }

    @Override
    public boolean isNull(int index) {
        return get(index).equals(JsonValue.NULL);
    }

    @Override
    public ValueType getValueType() {
        return ValueType.ARRAY;
    }

    @Override
    public String toString() {
        return JsonMapper.write(this);
    }
}
