package dev.inngest.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * At most {@code limit} runs start per {@code period}; later runs wait their turn.
 *
 * <pre>{@code @Throttle(limit = 10, period = "1m", burst = 2)}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Throttle {

    /** @return runs per period, at least 1 */
    int limit();

    /** @return a time string from {@code 1s} to {@code 7d} */
    String period();

    /** @return an expression that throttles per value; empty means none */
    String key() default "";

    /** @return how many runs may start at once; 0 means the server's default (1) */
    int burst() default 0;
}
