package dev.inngest.executor;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The subset of CEL that Inngest expressions are written in: field paths ({@code event.data.orderId},
 * {@code async.data.items[0]}), string, number, boolean and null literals, {@code == != < <= > >=},
 * {@code && || !}, {@code + -} and parentheses. Enough for trigger filters, {@code waitForEvent} and
 * cancellation conditions as people write them.
 *
 * <pre>{@code Expression.parse("async.data.orderId == event.data.orderId").test(Map.of("event", e, "async", a))}</pre>
 */
public final class Expression {

    private final Node root;
    private final String source;

    private Expression(Node root, String source) {
        this.root = root;
        this.source = source;
    }

    /**
     * @param source the expression
     * @return the parsed expression
     * @throws IllegalArgumentException if it is not in the supported subset
     */
    public static Expression parse(String source) {
        Parser p = new Parser(source);
        Node n = p.or();
        p.skipSpace();
        if (p.pos < source.length()) {
            throw p.error("unexpected \"" + source.substring(p.pos) + "\"");
        }
        return new Expression(n, source);
    }

    /**
     * @param variables top-level names ({@code event}, {@code async}) to JSON values
     * @return true when the expression is true (a missing field is null, never an error)
     */
    public boolean test(Map<String, JsonValue> variables) {
        return truthy(root.eval(variables));
    }

    /**
     * @param variables top-level names to JSON values
     * @return the value: a String, BigDecimal, Boolean, JsonValue or null
     */
    public Object evaluate(Map<String, JsonValue> variables) {
        return root.eval(variables);
    }

    @Override
    public String toString() {
        return source;
    }

    private interface Node {
        Object eval(Map<String, JsonValue> vars);
    }

    private static boolean truthy(Object v) {
        return Boolean.TRUE.equals(v);
    }

    /** Normalizes JSON values to Java values so that comparisons work across types. */
    private static Object plain(Object v) {
        if (v instanceof JsonString) {
            return ((JsonString) v).getString();
        }
        if (v instanceof JsonNumber) {
            return ((JsonNumber) v).bigDecimalValue();
        }
        if (v == JsonValue.TRUE) {
            return Boolean.TRUE;
        }
        if (v == JsonValue.FALSE) {
            return Boolean.FALSE;
        }
        if (v == JsonValue.NULL) {
            return null;
        }
        return v;
    }

    private static boolean equal(Object a, Object b) {
        if (a instanceof BigDecimal && b instanceof BigDecimal) {
            return ((BigDecimal) a).compareTo((BigDecimal) b) == 0;
        }
        return Objects.equals(a, b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Integer compare(Object a, Object b) {
        if (a instanceof BigDecimal && b instanceof BigDecimal || a instanceof String && b instanceof String) {
            return ((Comparable) a).compareTo(b);
        }
        return null;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("expression \"" + s + "\": " + what + " at position " + pos);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(String token) {
            skipSpace();
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        Node or() {
            Node left = and();
            while (eat("||")) {
                Node l = left;
                Node r = and();
                left = v -> truthy(l.eval(v)) || truthy(r.eval(v));
            }
            return left;
        }

        Node and() {
            Node left = comparison();
            while (eat("&&")) {
                Node l = left;
                Node r = comparison();
                left = v -> truthy(l.eval(v)) && truthy(r.eval(v));
            }
            return left;
        }

        Node comparison() {
            Node left = additive();
            for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
                if (eat(op)) {
                    Node l = left;
                    Node r = additive();
                    switch (op) {
                        case "==": return v -> equal(l.eval(v), r.eval(v));
                        case "!=": return v -> !equal(l.eval(v), r.eval(v));
                        case "<=": return v -> test(compare(l.eval(v), r.eval(v)), c -> c <= 0);
                        case ">=": return v -> test(compare(l.eval(v), r.eval(v)), c -> c >= 0);
                        case "<": return v -> test(compare(l.eval(v), r.eval(v)), c -> c < 0);
                        default: return v -> test(compare(l.eval(v), r.eval(v)), c -> c > 0);
                    }
                }
            }
            return left;
        }

        private static boolean test(Integer c, java.util.function.IntPredicate p) {
            return c != null && p.test(c);
        }

        Node additive() {
            Node left = unary();
            while (true) {
                if (eat("+")) {
                    Node l = left;
                    Node r = unary();
                    left = v -> {
                        Object a = l.eval(v);
                        Object b = r.eval(v);
                        if (a instanceof BigDecimal && b instanceof BigDecimal) {
                            return ((BigDecimal) a).add((BigDecimal) b);
                        }
                        return a instanceof String && b instanceof String ? (String) a + b : null;
                    };
                } else if (eat("-")) {
                    Node l = left;
                    Node r = unary();
                    left = v -> {
                        Object a = l.eval(v);
                        Object b = r.eval(v);
                        return a instanceof BigDecimal && b instanceof BigDecimal ? ((BigDecimal) a).subtract((BigDecimal) b) : null;
                    };
                } else {
                    return left;
                }
            }
        }

        Node unary() {
            if (eat("!")) {
                Node n = unary();
                return v -> !truthy(n.eval(v));
            }
            return primary();
        }

        Node primary() {
            skipSpace();
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node n = or();
                if (!eat(")")) {
                    throw error("missing )");
                }
                return n;
            }
            if (c == '\'' || c == '"') {
                String lit = string(c);
                return v -> lit;
            }
            if (Character.isDigit(c) || c == '-' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1))) {
                int start = pos++;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                BigDecimal n = new BigDecimal(s.substring(start, pos));
                return v -> n;
            }
            if (Character.isLetter(c) || c == '_') {
                return path();
            }
            throw error("unexpected \"" + c + "\"");
        }

        private String string(char quote) {
            StringBuilder out = new StringBuilder();
            pos++;
            while (pos < s.length() && s.charAt(pos) != quote) {
                char ch = s.charAt(pos++);
                if (ch == '\\' && pos < s.length()) {
                    ch = s.charAt(pos++);
                }
                out.append(ch);
            }
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            pos++;
            return out.toString();
        }

        private Node path() {
            String first = identifier();
            switch (first) {
                case "true": return v -> Boolean.TRUE;
                case "false": return v -> Boolean.FALSE;
                case "null": return v -> null;
                default: break;
            }
            List<Object> segments = new ArrayList<>();
            while (true) {
                if (pos < s.length() && s.charAt(pos) == '.') {
                    pos++;
                    segments.add(identifier());
                } else if (pos < s.length() && s.charAt(pos) == '[') {
                    pos++;
                    skipSpace();
                    Object key = s.charAt(pos) == '\'' || s.charAt(pos) == '"' ? string(s.charAt(pos)) : (Object) index();
                    if (!eat("]")) {
                        throw error("missing ]");
                    }
                    segments.add(key);
                } else {
                    break;
                }
            }
            return v -> {
                Object cur = v.get(first);
                for (Object seg : segments) {
                    if (seg instanceof String && cur instanceof JsonObject) {
                        cur = ((JsonObject) cur).get(seg);
                    } else if (seg instanceof Integer && cur instanceof jakarta.json.JsonArray) {
                        jakarta.json.JsonArray arr = (jakarta.json.JsonArray) cur;
                        int i = (Integer) seg;
                        cur = i < arr.size() ? arr.get(i) : null;
                    } else {
                        return null;
                    }
                }
                return plain(cur);
            };
        }

        private int index() {
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("an index must be a number");
            }
            return Integer.parseInt(s.substring(start, pos));
        }

        private String identifier() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error("a name is expected");
            }
            return s.substring(start, pos);
        }
    }
}
