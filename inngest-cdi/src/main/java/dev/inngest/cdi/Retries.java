package dev.inngest.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many times a failing step is retried, and optionally an exponential back-off between attempts
 * (set {@code backoffInterval} and {@code backoffMaxInterval} together).
 *
 * <pre>{@code @Retries(value = 5, backoffInterval = "10s", backoffFactor = 2.0, backoffMaxInterval = "10m")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Retries {

    /** @return retries after the first attempt, 0 to 20 */
    int value();

    /** @return a time string, the first delay; empty means the server's back-off */
    String backoffInterval() default "";

    /** @return the growth per attempt, at least 1 */
    double backoffFactor() default 2.0;

    /** @return a time string, the longest delay; empty means the server's back-off */
    String backoffMaxInterval() default "";
}
