package dev.inngest.json;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads well-formed UTF-8 JSON into JSON-P values, without the provider's parser.
 *
 * <p>Every call body is parsed in full, with every memoized step in it, so parsing is a large part of what a
 * call costs. This reader walks the bytes once. Objects and arrays are {@link ParsedObject} and
 * {@link ParsedArray}, which hold their members in plain arrays; strings and numbers are the provider's own
 * ({@code createValue}), with the number representation chosen exactly as Parsson's reader chooses it (int for up
 * to 9 digits, long up to 18, else {@code BigDecimal}). The values are equal to, and written exactly as, the
 * ones the provider's parse gives. It accepts strict RFC 8259 JSON only and gives up (returns null) on anything
 * else: a syntax error, a byte-order mark, very deep nesting or a very long number. The caller then parses with
 * the provider, so every error, and any leniency the provider has, stays the provider's own.
 */
final class Utf8JsonReader {

    /** Deeper documents go to the provider, which has its own depth limit; also bounds our recursion. */
    private static final int MAX_DEPTH = 256;
    /** Longer numbers go to the provider, which limits the length of the numbers it reads. */
    private static final int MAX_NUMBER_LENGTH = 256;

    /**
     * Short ASCII member names seen before, shared by all readers: every call carries the same names (its steps'
     * hashes among them), and a shared name is neither allocated again nor hashed again by the maps it goes
     * into. A slot keeps the last name that landed in it; names are immutable, so racing writes are harmless.
     */
    private static final Name[] NAMES = new Name[4096];
    private static final int MAX_SHARED_NAME = 64;

    /** A shared name: its bytes, to compare with, and its text. */
    private record Name(byte[] bytes, String text) {
    }

    /** Thrown to give up; preallocated and without a stack trace, as giving up is not exceptional. */
    private static final RuntimeException GIVE_UP = new RuntimeException("not strict JSON", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    private final JsonProvider provider;
    private final byte[] in;
    private final int end;
    private int pos;
    /** Members of the objects and arrays being read, innermost last; each takes its own out when it ends. */
    private String[] names = new String[32];
    private JsonValue[] values = new JsonValue[32];
    private int top;

    private Utf8JsonReader(JsonProvider provider, byte[] in) {
        this.provider = provider;
        this.in = in;
        this.end = in.length;
    }

    /**
     * Reads one JSON value that fills the whole input (whitespace around it allowed).
     *
     * @param provider the provider whose values to build
     * @param bytes UTF-8 JSON
     * @return the value, or null when the input is not strict JSON this reader handles
     */
    static JsonValue read(JsonProvider provider, byte[] bytes) {
        Utf8JsonReader reader = new Utf8JsonReader(provider, bytes);
        try {
            JsonValue value = reader.value(0);
            reader.skipWhitespace();
            return reader.pos == reader.end ? value : null;
        } catch (RuntimeException giveUp) {
            // GIVE_UP, or the input ended inside a value (ArrayIndexOutOfBounds): the provider decides
            return null;
        }
    }

    private JsonValue value(int depth) {
        skipWhitespace();
        byte b = in[pos];
        switch (b) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                pos++;
                return provider.createValue(string());
            case 't':
                literal("true");
                return JsonValue.TRUE;
            case 'f':
                literal("false");
                return JsonValue.FALSE;
            case 'n':
                literal("null");
                return JsonValue.NULL;
            default:
                return number();
        }
    }

    private JsonValue object(int depth) {
        if (depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
        pos++;
        int base = top;
        skipWhitespace();
        if (in[pos] != '}') {
            while (true) {
                skipWhitespace();
                expect('"');
                String name = name();
                skipWhitespace();
                expect(':');
                push(name, value(depth));
                skipWhitespace();
                byte b = in[pos++];
                if (b == '}') {
                    break;
                }
                if (b != ',') {
                    throw GIVE_UP;
                }
            }
        } else {
            pos++;
        }
        ParsedObject o = ParsedObject.of(Arrays.copyOfRange(names, base, top), Arrays.copyOfRange(values, base, top));
        top = base;
        return o;
    }

    private JsonValue array(int depth) {
        if (depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
        pos++;
        int base = top;
        skipWhitespace();
        if (in[pos] != ']') {
            while (true) {
                push(null, value(depth));
                skipWhitespace();
                byte b = in[pos++];
                if (b == ']') {
                    break;
                }
                if (b != ',') {
                    throw GIVE_UP;
                }
            }
        } else {
            pos++;
        }
        ParsedArray a = new ParsedArray(Arrays.copyOfRange(values, base, top));
        top = base;
        return a;
    }

    private void push(String name, JsonValue value) {
        if (top == values.length) {
            names = Arrays.copyOf(names, top * 2);
            values = Arrays.copyOf(values, top * 2);
        }
        names[top] = name;
        values[top++] = value;
    }

    /** Reads a member name as {@link #string()} does, sharing short ASCII names. */
    private String name() {
        byte[] in = this.in;
        int start = pos;
        int close = start;
        byte b;
        // locals, not fields, in the loops: the loop then runs in registers
        while ((b = in[close]) != '"') {
            if (b == '\\' || b < 0x20) {
                // an escape, a control character or (negative) a non-ASCII byte: the general path
                return string();
            }
            close++;
        }
        pos = close + 1;
        int length = close - start;
        if (length == 0 || length > MAX_SHARED_NAME) {
            return new String(in, start, length, StandardCharsets.ISO_8859_1);
        }
        // a cheap slot: length and three of the bytes; a clash only costs a new string
        int mix = ((length * 31 + in[start]) * 31 + in[start + length / 2]) * 31 + in[close - 1];
        int slot = (mix ^ (mix >>> 12)) & (NAMES.length - 1);
        Name known = NAMES[slot];
        if (known != null && Arrays.equals(known.bytes(), 0, known.bytes().length, in, start, close)) {
            return known.text();
        }
        String text = new String(in, start, length, StandardCharsets.ISO_8859_1);
        NAMES[slot] = new Name(Arrays.copyOfRange(in, start, close), text);
        return text;
    }

    /** Reads a string's content; {@code pos} is just after the opening quote and ends after the closing one. */
    private String string() {
        byte[] in = this.in;
        int start = pos;
        int at = start;
        boolean ascii = true;
        while (true) {
            byte b = in[at];
            if (b == '"') {
                pos = at + 1;
                // malformed UTF-8 becomes U+FFFD, as the provider's decoding reader makes it
                return new String(in, start, at - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            }
            if (b == '\\') {
                pos = at;
                return escapedString(start);
            }
            if (b < 0) {
                ascii = false;
            } else if (b < 0x20) {
                throw GIVE_UP;
            }
            at++;
        }
    }

    /** The slow path of {@link #string()}, from the first backslash on. */
    private String escapedString(int start) {
        StringBuilder text = new StringBuilder(pos - start + 16);
        int run = start;
        while (true) {
            byte b = in[pos];
            if (b == '"' || b == '\\') {
                text.append(new String(in, run, pos - run, StandardCharsets.UTF_8));
                pos++;
                if (b == '"') {
                    return text.toString();
                }
                text.append(escape());
                run = pos;
            } else if (b >= 0 && b < 0x20) {
                throw GIVE_UP;
            } else {
                pos++;
            }
        }
    }

    private char escape() {
        byte b = in[pos++];
        switch (b) {
            case '"':
                return '"';
            case '\\':
                return '\\';
            case '/':
                return '/';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                int c = 0;
                for (int i = 0; i < 4; i++) {
                    c = (c << 4) | hex(in[pos++]);
                }
                return (char) c;
            default:
                throw GIVE_UP;
        }
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        throw GIVE_UP;
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}, represented as Parsson represents it. */
    private JsonValue number() {
        int start = pos;
        boolean minus = in[pos] == '-';
        if (minus) {
            pos++;
        }
        if (in[pos] == '0') {
            pos++;
        } else {
            digits();
        }
        boolean fracOrExp = false;
        if (pos < end && in[pos] == '.') {
            pos++;
            digits();
            fracOrExp = true;
        }
        if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
            pos++;
            if (in[pos] == '+' || in[pos] == '-') {
                pos++;
            }
            digits();
            fracOrExp = true;
        }
        int length = pos - start;
        if (length > MAX_NUMBER_LENGTH) {
            throw GIVE_UP;
        }
        if (!fracOrExp && (length <= 9 || minus && length == 10)) {
            return provider.createValue((int) integer(start, minus));
        }
        if (!fracOrExp && (length <= 18 || minus && length == 19)) {
            return provider.createValue(integer(start, minus));
        }
        return provider.createValue(new BigDecimal(new String(in, start, length, StandardCharsets.ISO_8859_1)));
    }

    /** One or more digits. */
    private void digits() {
        int start = pos;
        while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        if (pos == start) {
            throw GIVE_UP;
        }
    }

    private long integer(int start, boolean minus) {
        long n = 0;
        for (int i = minus ? start + 1 : start; i < pos; i++) {
            n = n * 10 + (in[i] - '0');
        }
        return minus ? -n : n;
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (in[pos++] != word.charAt(i)) {
                throw GIVE_UP;
            }
        }
    }

    private void expect(char c) {
        if (in[pos++] != c) {
            throw GIVE_UP;
        }
    }

    private void skipWhitespace() {
        int at = pos;
        while (at < end) {
            byte b = in[at];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                break;
            }
            at++;
        }
        pos = at;
    }
}
