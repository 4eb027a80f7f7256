package dev.inngest.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method of a CDI bean (any scope) an Inngest function. Add at least one trigger
 * ({@link OnEvent} or {@link OnCron}) and any flow-control annotations next to it.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Orders {
 *     @InngestFunction(id = "process-order")
 *     @OnEvent("shop/order.created")
 *     public Receipt process(Order order, Step step) { ... }
 * }
 * }</pre>
 *
 * <p>The method's parameters are drawn from {@link dev.inngest.function.FunctionContext},
 * {@link dev.inngest.step.Step} and at most one event-data parameter of any other (non-primitive) type,
 * mapped from the trigger event's data; any order, any return type (the run's result), or void.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface InngestFunction {

    /** @return the function id, unique in the app, e.g. {@code process-order} */
    String id();

    /** @return the display name; empty means the id */
    String name() default "";
}
