package dev.inngest.sample;

import dev.inngest.Inngest;
import dev.inngest.event.Event;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The shop's API: placing an order starts the order workflow. */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    @Inject
    Inngest inngest;

    @Inject
    OrderStore orders;

    /**
     * Places an order: sends {@code shop/order.created} with the order as data.
     *
     * @param order {@code {"orderId", "userId", "amount"}}
     * @return 202 with the event ids, or 400 if the order is incomplete
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(Order order) {
        if (order == null || order.orderId() == null || order.orderId().isBlank() || order.userId() == null) {
            return Response.status(400).entity(Map.of("error", "an order needs orderId, userId and amount")).build();
        }
        orders.set(order.orderId(), "placed");
        List<String> ids = inngest.send(Event.builder("shop/order.created").data(order).id("order-" + order.orderId())
                .build());
        return Response.accepted(Map.of("ids", ids)).build();
    }

    /**
     * @param orderId an order
     * @return its status, or 404
     */
    @GET
    @Path("{orderId}")
    public Response status(@PathParam("orderId") String orderId) {
        return orders.status(orderId)
                .map(s -> Response.ok(Map.of("orderId", orderId, "status", s)).build())
                .orElse(Response.status(404).entity(Map.of("error", "no order " + orderId)).build());
    }
}
