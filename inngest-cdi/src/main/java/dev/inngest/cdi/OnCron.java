package dev.inngest.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts the function on a schedule. Repeatable.
 *
 * <pre>{@code @OnCron("TZ=Europe/Paris 0 9 * * MON-FRI")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(OnCron.List.class)
public @interface OnCron {

    /** @return a cron expression with an optional {@code TZ=<zone> } prefix, e.g. {@code 0 0 * * *} */
    String value();

    /** @return a time string such as {@code "5m"}: each run starts up to this much late, spreading load; empty for none */
    String jitter() default "";

    /** Holds several {@link OnCron}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** @return the schedules */
        OnCron[] value();
    }
}
