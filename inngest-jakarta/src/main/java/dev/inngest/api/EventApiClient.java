package dev.inngest.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The MicroProfile Rest Client interface of the Inngest event API (no class-level {@code @Path}, see pitfall P1). */
public interface EventApiClient {

    /**
     * @param eventKey the event key
     * @param body a JSON array of events
     * @return the raw answer
     */
    @POST
    @Path("e/{eventKey}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response send(@PathParam("eventKey") String eventKey, String body);
}
