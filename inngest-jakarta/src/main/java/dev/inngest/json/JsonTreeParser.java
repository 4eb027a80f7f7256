package dev.inngest.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A {@link JsonParser} over a JSON-P value already in memory: the events a streaming parser would produce for
 * the value's text, without writing the text. JSON-B reads user types from it ({@link JsonMapper#fromJson}).
 */
final class JsonTreeParser implements JsonParser {

    private static final JsonLocation NOWHERE = new JsonLocation() {
        @Override
        public long getLineNumber() {
            return -1;
        }

        @Override
        public long getColumnNumber() {
            return -1;
        }

        @Override
        public long getStreamOffset() {
            return -1;
        }
    };

    /** An object or array being walked. */
    private static final class Frame {
        final JsonValue structure;
        final Iterator<Map.Entry<String, JsonValue>> entries;
        final Iterator<JsonValue> items;
        JsonValue pendingValue;

        Frame(JsonObject object) {
            structure = object;
            entries = object.entrySet().iterator();
            items = null;
        }

        Frame(JsonArray array) {
            structure = array;
            entries = null;
            items = array.iterator();
        }
    }

    private final Deque<Frame> frames = new ArrayDeque<>(8);
    private JsonValue root;
    private Event current;
    private JsonValue value;
    private String key;

    JsonTreeParser(JsonValue root) {
        this.root = root;
    }

    @Override
    public boolean hasNext() {
        return root != null || !frames.isEmpty();
    }

    @Override
    public Event next() {
        Frame f = frames.peek();
        if (f == null) {
            if (root == null) {
                throw new NoSuchElementException("no more JSON events");
            }
            JsonValue v = root;
            root = null;
            return enter(v);
        }
        if (f.entries != null) {
            if (f.pendingValue != null) {
                JsonValue v = f.pendingValue;
                f.pendingValue = null;
                return enter(v);
            }
            if (f.entries.hasNext()) {
                Map.Entry<String, JsonValue> e = f.entries.next();
                key = e.getKey();
                f.pendingValue = e.getValue();
                value = null;
                return current = Event.KEY_NAME;
            }
            frames.pop();
            value = f.structure;
            return current = Event.END_OBJECT;
        }
        if (f.items.hasNext()) {
            return enter(f.items.next());
        }
        frames.pop();
        value = f.structure;
        return current = Event.END_ARRAY;
    }

    private Event enter(JsonValue v) {
        value = v;
        switch (v.getValueType()) {
            case OBJECT:
                frames.push(new Frame((JsonObject) v));
                return current = Event.START_OBJECT;
            case ARRAY:
                frames.push(new Frame((JsonArray) v));
                return current = Event.START_ARRAY;
            case STRING:
                return current = Event.VALUE_STRING;
            case NUMBER:
                return current = Event.VALUE_NUMBER;
            case TRUE:
                return current = Event.VALUE_TRUE;
            case FALSE:
                return current = Event.VALUE_FALSE;
            default:
                return current = Event.VALUE_NULL;
        }
    }

    @Override
    public Event currentEvent() {
        return current;
    }

    @Override
    public String getString() {
        if (current == Event.KEY_NAME) {
            return key;
        }
        if (current == Event.VALUE_STRING) {
            return ((JsonString) value).getString();
        }
        if (current == Event.VALUE_NUMBER) {
            return value.toString();
        }
        throw new IllegalStateException("getString() at " + current);
    }

    @Override
    public boolean isIntegralNumber() {
        return number().isIntegral();
    }

    @Override
    public int getInt() {
        return number().intValue();
    }

    @Override
    public long getLong() {
        return number().longValue();
    }

    @Override
    public BigDecimal getBigDecimal() {
        return number().bigDecimalValue();
    }

    private JsonNumber number() {
        if (current != Event.VALUE_NUMBER) {
            throw new IllegalStateException("a number was read at " + current);
        }
        return (JsonNumber) value;
    }

    @Override
    public JsonLocation getLocation() {
        return NOWHERE;
    }

    @Override
    public JsonValue getValue() {
        if (current == null) {
            throw new IllegalStateException("getValue() before next()");
        }
        switch (current) {
            case START_OBJECT:
                return getObject();
            case START_ARRAY:
                return getArray();
            case KEY_NAME:
                return Jsonp.createValue(key);
            case END_OBJECT:
            case END_ARRAY:
                throw new IllegalStateException("getValue() at " + current);
            default:
                return value;
        }
    }

    @Override
    public JsonObject getObject() {
        if (current != Event.START_OBJECT) {
            throw new IllegalStateException("getObject() at " + current);
        }
        frames.pop();
        current = Event.END_OBJECT;
        return (JsonObject) value;
    }

    @Override
    public JsonArray getArray() {
        if (current != Event.START_ARRAY) {
            throw new IllegalStateException("getArray() at " + current);
        }
        frames.pop();
        current = Event.END_ARRAY;
        return (JsonArray) value;
    }

    @Override
    public void skipObject() {
        Frame f = frames.peek();
        if (f != null && f.entries != null) {
            frames.pop();
            value = f.structure;
            current = Event.END_OBJECT;
        }
    }

    @Override
    public void skipArray() {
        Frame f = frames.peek();
        if (f != null && f.items != null) {
            frames.pop();
            value = f.structure;
            current = Event.END_ARRAY;
        }
    }

    @Override
    public void close() {
        frames.clear();
        root = null;
    }
}
