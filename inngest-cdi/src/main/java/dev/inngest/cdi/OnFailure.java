package dev.inngest.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names another method of the same bean that runs once a run of this function has failed for good. It
 * takes the same kinds of parameters as an {@link InngestFunction} method; its event is
 * {@code inngest/function.failed}, whose data holds the failed run's {@code event}, {@code error} and
 * {@code run_id}.
 *
 * <pre>{@code
 * @InngestFunction(id = "charge") @OnEvent("shop/order.created") @OnFailure("refund")
 * public void charge(Order order, Step step) { ... }
 *
 * void refund(FunctionContext ctx) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnFailure {

    /** @return the name of the failure method, declared in the same bean class */
    String value();
}
