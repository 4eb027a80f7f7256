package dev.inngest.function;

/**
 * What starts a function: an event (optionally filtered by an expression) or a cron schedule.
 *
 * <pre>{@code
 * Trigger.event("shop/order.created")
 * Trigger.event("shop/order.created", "event.data.amount > 100")
 * Trigger.cron("0 0 * * *")
 * Trigger.cron("TZ=Europe/Paris 0 9 * * MON-FRI")
 * }</pre>
 *
 * @param event the event name, or null for a cron trigger
 * @param expression a CEL expression the event must match, or null
 * @param cron a cron expression with an optional {@code TZ=<zone> } prefix, or null for an event trigger
 */
public record Trigger(String event, String expression, String cron) {

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
        return new Trigger(name, null, null);
    }

    /**
     * @param name the event name
     * @param expression a CEL expression over {@code event}, e.g. {@code event.data.amount > 100}
     * @return a filtered event trigger
     */
    public static Trigger event(String name, String expression) {
        return new Trigger(name, expression, null);
    }

    /**
     * @param cron a cron expression, e.g. {@code 0 0 * * *} or {@code TZ=Europe/Paris 0 9 * * *}
     * @return a cron trigger
     */
    public static Trigger cron(String cron) {
        return new Trigger(null, null, cron);
    }
}
