package dev.inngest.function;

import dev.inngest.event.Event;
import dev.inngest.step.Step;
import java.util.List;

/**
 * What a function knows about its run.
 *
 * <pre>{@code Order order = ctx.event().data(Order.class);}</pre>
 */
public interface FunctionContext {

    /** @return the event that triggered the run (the first of a batch) */
    Event event();

    /** @return every event of the run: one, or the whole batch when batching is on */
    List<Event> events();

    /** @return the run id */
    String runId();

    /** @return the 0-based attempt of the current step (or of the function's code after the last step) */
    int attempt();

    /** @return how many attempts the current step has in all (retries + 1) */
    int maxAttempts();

    /** @return the function's id, as given in code (without the app prefix) */
    String functionId();

    /**
     * A logger that writes only when the code runs for real, never while earlier steps are replayed.
     *
     * <pre>{@code ctx.logger().info("order {0} validated", order.id());}</pre>
     *
     * @return the run's logger, tagged with function id, run id, step and attempt
     */
    RunLogger logger();

    /** @return the step tools, the same object the handler receives */
    Step step();
}
