package dev.inngest.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One run per value of an expression within 24 hours.
 *
 * <pre>{@code @Idempotency("event.data.orderId")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotency {

    /** @return the expression, e.g. {@code event.data.orderId} */
    String value();
}
