package dev.inngest.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Waits until no new event has arrived for {@code period}, then runs once with the last event.
 *
 * <pre>{@code @Debounce(period = "5m", key = "event.data.userId", timeout = "30m")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Debounce {

    /** @return a time string from {@code 1s} to {@code 7d} */
    String period();

    /** @return an expression that debounces per value; empty means none */
    String key() default "";

    /** @return a time string: the longest a run may be delayed; empty means none */
    String timeout() default "";
}
