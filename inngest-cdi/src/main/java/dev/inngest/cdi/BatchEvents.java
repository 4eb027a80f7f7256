package dev.inngest.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One run receives up to {@code maxSize} events, or what arrived within {@code timeout}; read them with
 * {@link dev.inngest.function.FunctionContext#events()}.
 *
 * <pre>{@code @BatchEvents(maxSize = 100, timeout = "5s")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BatchEvents {

    /** @return the most events in one run, at least 1 */
    int maxSize();

    /** @return a time string from {@code 1s} to {@code 60s} */
    String timeout();

    /** @return an expression that batches per value; empty means none */
    String key() default "";

    /** @return an expression an event must match to be batched; empty means every event */
    String condition() default "";
}
