package dev.inngest.function;

import dev.inngest.time.TimeString;
import java.time.Duration;

/** Shared checks of option values; every message says what to write instead. */
final class Options {

    private Options() {
    }

    static Duration time(String what, String timeString) {
        try {
            return TimeString.parse(timeString);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    static Duration positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration, was " + d);
        }
        return d;
    }

    static Duration between(String what, Duration d, Duration min, Duration max) {
        positive(what, d);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(what + " must be between " + TimeString.format(min) + " and "
                    + TimeString.format(max) + ", was " + TimeString.format(d));
        }
        return d;
    }

    static int atLeast(String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    static String expression(String what, String expression) {
        if (expression != null && expression.isBlank()) {
            throw new IllegalArgumentException(what + " cannot be blank; leave it out instead");
        }
        return expression;
    }
}
