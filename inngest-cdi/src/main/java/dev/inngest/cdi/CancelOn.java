package dev.inngest.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Cancels a run when a matching event arrives. Repeatable.
 *
 * <pre>{@code @CancelOn(event = "shop/order.cancelled", match = "data.orderId", timeout = "7d")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(CancelOn.List.class)
public @interface CancelOn {

    /** @return the event name that cancels the run */
    String event();

    /** @return a field path equal in both events, e.g. {@code data.orderId}; empty means none */
    String match() default "";

    /** @return an expression over {@code event} and {@code async}; empty means none (use match or condition) */
    String condition() default "";

    /** @return a time string: how long after the start the cancellation applies; empty means always */
    String timeout() default "";

    /** Holds several {@link CancelOn}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** @return the cancellations */
        CancelOn[] value();
    }
}
