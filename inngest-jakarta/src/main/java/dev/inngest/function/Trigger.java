package dev.inngest.function;

import java.time.Duration;

/**
 * What starts a function: an event (optionally filtered by an expression) or a cron schedule.
 *
 * <pre>{@code
 * Trigger.event("shop/order.created")
 * Trigger.event("shop/order.created", "event.data.amount > 100")
 * Trigger.cron("0 0 * * *")
 * Trigger.cron("TZ=Europe/Paris 0 9 * * MON-FRI")
 * Trigger.cron("0 * * * *").jitter("5m")
 * }</pre>
 *
 * @param event the event name, or null for a cron trigger
 * @param expression a CEL expression the event must match, or null
 * @param cron a cron expression with an optional {@code TZ=<zone> } prefix, or null for an event trigger
 * @param jitter a random delay of up to this much for each scheduled run (cron only), or null
 */
public record Trigger(String event, String expression, String cron, Duration jitter) {

    /** Checks that exactly one of event and cron is set and that a cron expression is valid. */
    public Trigger {
        if ((event == null) == (cron == null)) {
            throw new IllegalArgumentException("a trigger has either an event name or a cron expression");
        }
        if (event != null && event.isBlank()) {
            throw new IllegalArgumentException("a trigger's event name cannot be blank");
        }
        if (expression != null && (cron != null || expression.isBlank())) {
            throw new IllegalArgumentException("an expression filters event triggers and cannot be blank");
        }
        if (jitter != null && (cron == null || jitter.isNegative() || jitter.isZero())) {
            throw new IllegalArgumentException("jitter spreads cron runs and must be a positive duration");
        }
        if (cron != null) {
            String problem = CronExpression.problem(cron);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }

    /**
     * @param name the event name, e.g. {@code shop/order.created}
     * @return an event trigger
     */
    public static Trigger event(String name) {
        return new Trigger(name, null, null, null);
    }

    /**
     * @param name the event name
     * @param expression a CEL expression over {@code event}, e.g. {@code event.data.amount > 100}
     * @return a filtered event trigger
     */
    public static Trigger event(String name, String expression) {
        return new Trigger(name, expression, null, null);
    }

    /**
     * @param cron a cron expression, e.g. {@code 0 0 * * *} or {@code TZ=Europe/Paris 0 9 * * *}
     * @return a cron trigger
     */
    public static Trigger cron(String cron) {
        return new Trigger(null, null, cron, null);
    }

    /**
     * Spreads the runs of a cron trigger: each starts up to this much after its scheduled time.
     *
     * @param jitter a time string such as {@code "5m"}
     * @return this cron trigger with the jitter
     */
    public Trigger jitter(String jitter) {
        return new Trigger(event, expression, cron, Options.time("cron jitter", jitter));
    }
}
