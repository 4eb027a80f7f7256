package dev.inngest.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts the function when an event arrives. Repeatable.
 *
 * <pre>{@code @OnEvent(value = "shop/order.created", expression = "event.data.amount > 100")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(OnEvent.List.class)
public @interface OnEvent {

    /** @return the event name, e.g. {@code shop/order.created} */
    String value();

    /** @return a CEL expression the event must match; empty means every such event */
    String expression() default "";

    /** Holds several {@link OnEvent}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** @return the triggers */
        OnEvent[] value();
    }
}
