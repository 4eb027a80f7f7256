package dev.inngest.time;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inngest time strings: Go-style durations with the extra units {@code d} (day) and {@code w} (week),
 * for example {@code 30s}, {@code 2h30m}, {@code 1d}, {@code 1w2d} or {@code 1.5h}.
 *
 * <p>This is the format every duration takes on the wire (sleeps, timeouts, periods). {@link #parse}
 * accepts everything the Inngest server accepts; {@link #format} writes the canonical form the official
 * SDKs write: weeks, days, hours, minutes and seconds, largest first, zero parts left out, whole seconds.
 *
 * <pre>{@code
 * Duration d = TimeString.parse("2h30m");      // PT2H30M
 * String s = TimeString.format(Duration.ofMinutes(90)); // "1h30m"
 * }</pre>
 */
public final class TimeString {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h|d|w)");

    private TimeString() {
    }

    /**
     * Parses an Inngest time string.
     *
     * @param text a duration such as {@code "90m"}, {@code "1h30m"} or {@code "1w"}
     * @return the duration
     * @throws IllegalArgumentException if the text is not a time string; the message says why
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a time string is required, such as \"30s\", \"5m\", \"2h30m\" or \"1d\"");
        }
        String s = text.trim();
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(s);
        int pos = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw invalid(text);
            }
            BigDecimal amount = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
            nanos = nanos.add(amount.multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
            pos = m.end();
        }
        return Duration.ofNanos(nanos.longValue());
    }

    /**
     * Tells whether {@code text} is a valid time string.
     *
     * @param text the text to check
     * @return true when {@link #parse} accepts it
     */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return false;
        }
    }

    /**
     * Formats a duration the way the official SDKs do: {@code 1w2d3h4m5s} with zero parts left out.
     * Sub-second remainders are dropped, and a non-zero duration under one second becomes {@code "1s"}
     * (the server's resolution is one second).
     *
     * @param duration a non-negative duration
     * @return the time string, {@code "0s"} for zero
     */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a duration cannot be negative: " + duration);
        }
        long seconds = duration.getSeconds();
        if (seconds == 0) {
            return duration.isZero() ? "0s" : "1s";
        }
        StringBuilder out = new StringBuilder();
        seconds = append(out, seconds, 7 * 86_400L, 'w');
        seconds = append(out, seconds, 86_400L, 'd');
        seconds = append(out, seconds, 3_600L, 'h');
        seconds = append(out, seconds, 60L, 'm');
        append(out, seconds, 1L, 's');
        return out.toString();
    }

    /**
     * Normalizes a user's time string to the canonical form, e.g. {@code "90m"} to {@code "1h30m"}.
     *
     * @param text a time string
     * @return the canonical time string
     */
    public static String normalize(String text) {
        return format(parse(text));
    }

    private static long append(StringBuilder out, long seconds, long unit, char suffix) {
        if (seconds >= unit) {
            out.append(seconds / unit).append(suffix);
        }
        return seconds % unit;
    }

    private static long unitNanos(String unit) {
        switch (unit) {
            case "ns": return 1L;
            case "us": case "µs": case "μs": return 1_000L;
            case "ms": return 1_000_000L;
            case "s": return 1_000_000_000L;
            case "m": return 60_000_000_000L;
            case "h": return 3_600_000_000_000L;
            case "d": return 86_400_000_000_000L;
            case "w": return 604_800_000_000_000L;
            default: throw new IllegalStateException(unit);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "\"%s\" is not a time string; use a number followed by a unit (ms, s, m, h, d, w), "
                        + "parts may be combined: \"30s\", \"5m\", \"2h30m\", \"1d\", \"1w2d\"", text));
    }
}
