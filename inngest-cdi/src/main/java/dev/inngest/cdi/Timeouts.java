package dev.inngest.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Cancels runs that take too long to start or to finish. Set at least one.
 *
 * <pre>{@code @Timeouts(start = "10m", finish = "1h")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Timeouts {

    /** @return a time string: the longest a run may wait to start; empty means none */
    String start() default "";

    /** @return a time string: the longest a run may take once started; empty means none */
    String finish() default "";
}
