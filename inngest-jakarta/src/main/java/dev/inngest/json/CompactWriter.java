package dev.inngest.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Writes JSON-P values as compact JSON text, character for character as the provider's writer (Parsson) writes
 * them: members in their order, no whitespace, numbers as their {@code toString()}, and in strings only the quote,
 * the backslash and control characters escaped ({@code \b \f \n \r \t}, others as a lower-case {@code \}{@code
 * u00xx}). Every answer to Inngest is written this way; a writer per call cost more than the writing.
 */
final class CompactWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CompactWriter() {
    }

    /**
     * @param value any JSON-P value
     * @return its compact JSON text
     */
    static String write(JsonValue value) {
        StringBuilder out = new StringBuilder(256);
        append(out, value);
        return out.toString();
    }

    /** Appends a value's compact JSON text. */
    static void append(StringBuilder out, JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT:
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> member : ((JsonObject) value).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(out, member.getKey());
                    out.append(':');
                    append(out, member.getValue());
                }
                out.append('}');
                return;
            case ARRAY:
                out.append('[');
                JsonArray array = (JsonArray) value;
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    append(out, array.get(i));
                }
                out.append(']');
                return;
            case STRING:
                string(out, ((JsonString) value).getString());
                return;
            case TRUE:
                out.append("true");
                return;
            case FALSE:
                out.append("false");
                return;
            case NULL:
                out.append("null");
                return;
            default:
                out.append(value.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        int first = firstToEscape(s);
        if (first < 0) {
            // the usual case, appended whole (a range of a string is appended char by char)
            out.append(s).append('"');
            return;
        }
        int run = 0;
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"':
                case '\\':
                    out.append('\\').append(c);
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, run, s.length()).append('"');
    }

    /** @return the position of the first character to escape, or -1 */
    private static int firstToEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return i;
            }
        }
        return -1;
    }
}
