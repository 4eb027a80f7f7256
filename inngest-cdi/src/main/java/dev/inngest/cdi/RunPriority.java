package dev.inngest.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An expression giving a run's priority, -600 to 600 seconds (named so as not to clash with
 * {@code jakarta.annotation.Priority}).
 *
 * <pre>{@code @RunPriority("event.data.plan == 'pro' ? 120 : 0")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RunPriority {

    /** @return the expression */
    String value();
}
