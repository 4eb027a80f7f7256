package dev.inngest.sample;

import dev.inngest.cdi.InngestFunction;
import dev.inngest.cdi.OnEvent;
import dev.inngest.cdi.Throttle;
import dev.inngest.step.Invoke;
import dev.inngest.step.Step;
import dev.inngest.step.StepFuture;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Shipping: stock and courier are booked in parallel, and the cost comes from another function.
 */
@ApplicationScoped
public class ShippingWorkflows {

    @Inject
    OrderStore orders;

    /**
     * The data of {@code shop/shipment.requested}.
     *
     * @param orderId the order to ship
     * @param userId the customer
     */
    public record ShipmentRequest(String orderId, String userId) {
    }

    /**
     * The data of a shipping cost request.
     *
     * @param orderId the order
     */
    public record CostRequest(String orderId) {
    }

    /**
     * Prepares a shipment.
     *
     * @param request the event data
     * @param step the step tools
     * @return the shipment
     */
    @InngestFunction(id = "prepare-shipment", name = "Prepare shipment")
    @OnEvent("shop/shipment.requested")
    @Throttle(limit = 20, period = "1m")
    public Shipment prepareShipment(ShipmentRequest request, Step step) {
        StepFuture<String> stock = step.runAsync("reserve-stock", String.class, () -> "rsv-" + request.orderId());
        StepFuture<String> courier = step.runAsync("book-courier", String.class, () -> "courier-for-" + request.orderId());
        step.all(stock, courier);
        long cost = step.invoke("compute-shipping-cost",
                Invoke.function("compute-shipping-cost").data(Map.of("orderId", request.orderId())).timeout("10m"),
                Long.class);
        step.run("mark-shipped", () -> orders.set(request.orderId(), "shipped"));
        return new Shipment(request.orderId(), stock.get(), courier.get(), cost);
    }

    /**
     * Computes what shipping an order costs; invoked by {@link #prepareShipment}.
     *
     * @param request the event data
     * @param step the step tools
     * @return the cost in cents
     */
    @InngestFunction(id = "compute-shipping-cost", name = "Compute shipping cost")
    @OnEvent("shop/shipping.cost.requested")
    public long computeShippingCost(CostRequest request, Step step) {
        return step.run("price-lookup", Long.class, () -> 495L + Math.abs(request.orderId().hashCode() % 100));
    }
}
