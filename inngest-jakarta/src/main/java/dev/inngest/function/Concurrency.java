package dev.inngest.function;

/**
 * A concurrency limit: at most {@code limit} steps of this function run at once, per {@code key} value when
 * a key is given. A function has at most two.
 *
 * <pre>{@code
 * Concurrency.limit(5)
 * Concurrency.limit(1).key("event.data.userId")
 * Concurrency.limit(10).key("event.data.accountId").scope(Concurrency.Scope.ACCOUNT)
 * }</pre>
 *
 * @param limit how many may run at once (0 means the account's maximum)
 * @param key an expression that groups runs, or null
 * @param scope where the limit applies, or null for the function
 */
public record Concurrency(int limit, String key, Scope scope) {

    /** Where a concurrency limit applies. */
    public enum Scope {
        /** this function only (the default) */
        FN,
        /** every function in the environment that shares the key */
        ENV,
        /** every function in the account that shares the key */
        ACCOUNT;

        /** @return the wire value: {@code fn}, {@code env} or {@code account} */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Checks the values. */
    public Concurrency {
        Options.atLeast("concurrency limit", limit, 0);
        Options.expression("concurrency key", key);
        if (scope != null && scope != Scope.FN && key == null) {
            throw new IllegalArgumentException("a concurrency limit with scope " + scope.wire()
                    + " needs a key, such as \"event.data.accountId\"");
        }
    }

    /**
     * @param limit how many steps may run at once
     * @return a function-wide limit
     */
    public static Concurrency limit(int limit) {
        return new Concurrency(limit, null, null);
    }

    /**
     * @param key an expression such as {@code event.data.userId}
     * @return this limit, per value of the key
     */
    public Concurrency key(String key) {
        return new Concurrency(limit, key, scope);
    }

    /**
     * @param scope where the limit applies
     * @return this limit with the scope
     */
    public Concurrency scope(Scope scope) {
        return new Concurrency(limit, key, scope);
    }

    /** @return true when only a limit is set, which registers as a bare number */
    public boolean isBare() {
        return key == null && scope == null;
    }
}
