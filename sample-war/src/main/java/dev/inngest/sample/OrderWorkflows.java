package dev.inngest.sample;

import dev.inngest.cdi.CancelOn;
import dev.inngest.cdi.Concurrency;
import dev.inngest.cdi.InngestFunction;
import dev.inngest.cdi.OnEvent;
import dev.inngest.cdi.Retries;
import dev.inngest.error.NonRetriableException;
import dev.inngest.event.Event;
import dev.inngest.function.FunctionContext;
import dev.inngest.step.Step;
import dev.inngest.step.WaitForEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The order workflow: validate, let the order settle, wait for its payment, then ship or cancel.
 */
@ApplicationScoped
public class OrderWorkflows {

    @Inject
    OrderStore orders;

    @Inject
    @ConfigProperty(name = "sample.processing-delay", defaultValue = "5m")
    String processingDelay;

    @Inject
    @ConfigProperty(name = "sample.payment-timeout", defaultValue = "1h")
    String paymentTimeout;

    /**
     * Processes one order.
     *
     * @param order the order (the event's data)
     * @param ctx the run
     * @param step the step tools
     * @return how the order ended
     */
    @InngestFunction(id = "process-order", name = "Process order")
    @OnEvent("shop/order.created")
    @Concurrency(limit = 10, key = "event.data.userId")
    @Retries(3)
    @CancelOn(event = "shop/order.cancelled", match = "data.orderId")
    public OrderResult processOrder(Order order, FunctionContext ctx, Step step) {
        step.run("validate-order", Order.class, () -> {
            if (order.orderId() == null || order.amount() <= 0) {
                throw new NonRetriableException("order " + order.orderId() + " has no id or no amount");
            }
            orders.set(order.orderId(), "validated");
            ctx.logger().info("validated order {0} of {1} cents", order.orderId(), order.amount());
            return order;
        });
        step.sleep("wait-for-processing", processingDelay);
        Optional<Event> payment = step.waitForEvent("wait-for-payment",
                WaitForEvent.event("stripe/payment.succeeded").timeout(paymentTimeout)
                        .condition("async.data.orderId == event.data.orderId"));
        if (payment.isEmpty()) {
            ctx.logger().warn("order {0} was not paid in time", order.orderId());
            step.run("handle-timeout", () -> orders.set(order.orderId(), "cancelled"));
            return new OrderResult("cancelled", order.orderId());
        }
        ctx.logger().info("order {0} paid", order.orderId());
        step.run("mark-paid", () -> orders.set(order.orderId(), "paid"));
        step.sendEvent("request-shipment", Event.of("shop/shipment.requested",
                Map.of("orderId", order.orderId(), "userId", order.userId())));
        return new OrderResult("completed", order.orderId());
    }
}
