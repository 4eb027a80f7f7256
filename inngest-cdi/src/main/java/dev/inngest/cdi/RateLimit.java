package dev.inngest.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * At most {@code limit} runs start per {@code period}; events over the limit are skipped.
 *
 * <pre>{@code @RateLimit(limit = 1, period = "4h", key = "event.data.userId")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimit {

    /** @return runs per period, at least 1 */
    int limit();

    /** @return a time string from {@code 1s} to {@code 24h} */
    String period();

    /** @return an expression that counts per value; empty means none */
    String key() default "";
}
