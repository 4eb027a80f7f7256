package dev.inngest.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * At most one run at a time (per key value); a new run is skipped, or cancels the running one. Named so
 * as not to clash with {@code jakarta.inject.Singleton}.
 *
 * <pre>{@code @SingletonRun(key = "event.data.userId", mode = Singleton.Mode.CANCEL)}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SingletonRun {

    /** @return an expression for one run per value; empty means one run of the function */
    String key() default "";

    /** @return what happens to a new run while one is running */
    dev.inngest.function.Singleton.Mode mode() default dev.inngest.function.Singleton.Mode.SKIP;
}
