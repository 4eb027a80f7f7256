package dev.inngest.function;

import dev.inngest.step.Step;

/**
 * The body of an Inngest function. It is called again from the top for every step of a run; completed
 * steps return their recorded results at once, so write it as straight-line code.
 *
 * <pre>{@code
 * FunctionHandler handler = (ctx, step) -> {
 *     Order order = ctx.event().data(Order.class);
 *     step.sleep("cool-off", "5m");
 *     return step.run("ship", Shipment.class, () -> shipping.ship(order));
 * };
 * }</pre>
 */
@FunctionalInterface
public interface FunctionHandler {

    /**
     * Runs the function.
     *
     * @param ctx the run: trigger event, run id, attempt
     * @param step the step tools
     * @return the run's result, mapped to JSON (may be null)
     * @throws Exception any failure; the run is retried unless it is a
     *     {@link dev.inngest.error.NonRetriableException}
     */
    Object run(FunctionContext ctx, Step step) throws Exception;
}
