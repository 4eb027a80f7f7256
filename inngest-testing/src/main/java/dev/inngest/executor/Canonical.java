package dev.inngest.executor;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 8785 (JCS) serialization, as the Inngest server writes the bodies it signs: keys sorted, no
 * whitespace, minimal string escapes.
 */
public final class Canonical {

    private Canonical() {
    }

    /**
     * @param value a JSON value
     * @return its canonical text
     */
    public static String write(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT: {
                JsonObject o = (JsonObject) value;
                List<String> keys = new ArrayList<>(o.keySet());
                keys.sort(null);
                out.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(keys.get(i), out);
                    out.append(':');
                    write(o.get(keys.get(i)), out);
                }
                out.append('}');
                break;
            }
            case ARRAY: {
                JsonArray a = (JsonArray) value;
                out.append('[');
                for (int i = 0; i < a.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(a.get(i), out);
                }
                out.append(']');
                break;
            }
            case STRING:
                string(((JsonString) value).getString(), out);
                break;
            case NUMBER:
                out.append(number(((JsonNumber) value).bigDecimalValue()));
                break;
            case TRUE:
                out.append("true");
                break;
            case FALSE:
                out.append("false");
                break;
            default:
                out.append("null");
        }
    }

    private static String number(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        if (s.scale() <= 0 && s.precision() - s.scale() <= 21) {
            return s.toBigIntegerExact().toString();
        }
        return s.toPlainString();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
