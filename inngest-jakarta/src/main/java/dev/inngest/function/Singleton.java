package dev.inngest.function;

import java.util.Locale;

/**
 * Singleton: at most one run at a time (per key). A new run is skipped, or cancels the running one.
 *
 * <pre>{@code Singleton.skip().key("event.data.userId")}</pre>
 *
 * @param key an expression for one run per value, or null for one run of the function
 * @param mode what happens to a new run while one is running
 */
public record Singleton(String key, Mode mode) {

    /** What happens when a run is already going. */
    public enum Mode {
        /** the new run is skipped */
        SKIP,
        /** the running run is cancelled and the new one starts */
        CANCEL;

        /** @return the wire value, {@code skip} or {@code cancel} */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Checks the values. */
    public Singleton {
        Options.expression("singleton key", key);
        if (mode == null) {
            throw new IllegalArgumentException("singleton needs a mode: skip or cancel");
        }
    }

    /** @return a singleton that skips new runs */
    public static Singleton skip() {
        return new Singleton(null, Mode.SKIP);
    }

    /** @return a singleton that cancels the running run */
    public static Singleton cancel() {
        return new Singleton(null, Mode.CANCEL);
    }

    /**
     * @param key an expression such as {@code event.data.userId}
     * @return this singleton, per value of the key
     */
    public Singleton key(String key) {
        return new Singleton(key, mode);
    }
}
