package dev.inngest.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how many steps of the function run at once, per key value when a key is given. Repeatable, at
 * most twice.
 *
 * <pre>{@code @Concurrency(limit = 1, key = "event.data.userId")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Concurrency.List.class)
public @interface Concurrency {

    /** @return how many may run at once (0 means the account's maximum) */
    int limit();

    /** @return an expression that groups runs; empty means none */
    String key() default "";

    /** @return where the limit applies; {@code ENV} and {@code ACCOUNT} need a key */
    dev.inngest.function.Concurrency.Scope scope() default dev.inngest.function.Concurrency.Scope.FN;

    /** Holds several {@link Concurrency}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        /** @return the limits */
        Concurrency[] value();
    }
}
