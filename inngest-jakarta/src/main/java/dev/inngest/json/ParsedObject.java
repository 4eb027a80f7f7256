package dev.inngest.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable JSON object read by {@link Utf8JsonReader}: its members in two arrays, in document order, which
 * costs far less to build than a builder's linked hash map. Large objects (a run's memoized steps) also get a
 * hash index. Behaves as the JSON-P specification says a {@link JsonObject} does, as the provider's
 * objects do: equal to any map with the same members, written as compact JSON by {@link #toString()}.
 */
final class ParsedObject extends AbstractMap<String, JsonValue> implements JsonObject {

    /** Objects up to this size are searched linearly. */
    private static final int LINEAR = 8;

    private final String[] names;
    private final JsonValue[] values;
    /** Position by name, for objects larger than {@link #LINEAR}; null for smaller ones. */
    private final Map<String, Integer> index;

    private ParsedObject(String[] names, JsonValue[] values, Map<String, Integer> index) {
        this.names = names;
        this.values = values;
        this.index = index;
    }

    /**
     * Builds an object from members that may repeat a name; as the provider's builder does, a later value
     * replaces an earlier one, at the earlier one's position.
     */
    static ParsedObject of(String[] names, JsonValue[] values) {
        int n = names.length;
        if (n <= LINEAR) {
            for (int i = 1; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    if (names[i].equals(names[j])) {
                        return withoutRepeats(names, values);
                    }
                }
            }
            return new ParsedObject(names, values, null);
        }
        Map<String, Integer> index = new HashMap<>(n * 4 / 3 + 1);
        for (int i = 0; i < n; i++) {
            if (index.putIfAbsent(names[i], i) != null) {
                return withoutRepeats(names, values);
            }
        }
        return new ParsedObject(names, values, index);
    }

    private static ParsedObject withoutRepeats(String[] names, JsonValue[] values) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            members.put(names[i], values[i]);
        }
        return of(members.keySet().toArray(new String[0]), members.values().toArray(new JsonValue[0]));
    }

    private int find(Object name) {
        if (!(name instanceof String)) {
            return -1;
        }
        if (index == null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    @Override
    public JsonValue get(Object name) {
        int i = find(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object name) {
        return find(name) >= 0;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Set<Map.Entry<String, JsonValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, JsonValue>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Map.Entry<String, JsonValue> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }

    @Override
    public JsonArray getJsonArray(String name) {
        return (JsonArray) get(name);
    }

    @Override
    public JsonObject getJsonObject(String name) {
        return (JsonObject) get(name);
    }

    @Override
    public JsonNumber getJsonNumber(String name) {
        return (JsonNumber) get(name);
    }

    @Override
    public JsonString getJsonString(String name) {
        return (JsonString) get(name);
    }

    @Override
    public String getString(String name) {
        return getJsonString(name).getString();
    }

    @Override
    public String getString(String name, String defaultValue) {
        return ValueReads.stringOr(get(name), defaultValue);
    }

    @Override
    public int getInt(String name) {
        return getJsonNumber(name).intValue();
    }

    @Override
    public int getInt(String name, int defaultValue) {
        return ValueReads.intOr(get(name), defaultValue);
    }

    @Override
    public boolean getBoolean(String name) {
        JsonValue v = get(name);
        if (v == null) {
            throw new NullPointerException("no member named " + name);
        }
        return ValueReads.bool(v, name);
    }

    @Override
    public boolean getBoolean(String name, boolean defaultValue) {
        return ValueReads.boolOr(get(name), defaultValue);
    }

    @Override
    public boolean isNull(String name) {
        return get(name).equals(JsonValue.NULL);
    }

    @Override
    public ValueType getValueType() {
        return ValueType.OBJECT;
    }

    @Override
    public String toString() {
        return JsonMapper.write(this);
    }
}
