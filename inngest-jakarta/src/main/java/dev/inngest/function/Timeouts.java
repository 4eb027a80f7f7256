package dev.inngest.function;

import java.time.Duration;

/**
 * Cancels runs that take too long to start or to finish.
 *
 * <pre>{@code Timeouts.start("10m").finish("1h")}</pre>
 *
 * @param start the longest a run may wait before its first step starts, or null
 * @param finish the longest a run may take once started, or null
 */
public record Timeouts(Duration start, Duration finish) {

    /** Checks the values. */
    public Timeouts {
        if (start == null && finish == null) {
            throw new IllegalArgumentException("timeouts need a start or a finish duration");
        }
        if (start != null) {
            Options.positive("start timeout", start);
        }
        if (finish != null) {
            Options.positive("finish timeout", finish);
        }
    }

    /**
     * @param start a time string
     * @return timeouts with a start limit
     */
    public static Timeouts start(String start) {
        return new Timeouts(Options.time("start timeout", start), null);
    }

    /**
     * @param finish a time string
     * @return timeouts with a finish limit
     */
    public static Timeouts finishAfter(String finish) {
        return new Timeouts(null, Options.time("finish timeout", finish));
    }

    /**
     * @param finish a time string
     * @return these timeouts with a finish limit
     */
    public Timeouts finish(String finish) {
        return new Timeouts(start, Options.time("finish timeout", finish));
    }
}
