package dev.inngest.function;

/** The {@code match} shorthand of cancellations and waits: equal field in the trigger and the awaited event. */
public final class Match {

    private Match() {
    }

    /**
     * @param field a field path such as {@code data.orderId} (a leading {@code event.} or {@code async.} is dropped)
     * @return {@code event.<field> == async.<field>}
     */
    public static String condition(String field) {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("match needs a field path such as \"data.orderId\"");
        }
        String f = field.trim();
        if (f.startsWith("event.")) {
            f = f.substring("event.".length());
        } else if (f.startsWith("async.")) {
            f = f.substring("async.".length());
        }
        return "event." + f + " == async." + f;
    }
}
