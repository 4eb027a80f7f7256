package dev.inngest.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The MicroProfile Rest Client interface of the Inngest event API (no class-level {@code @Path}, see pitfall P1).
 * Everything that changes per send is a parameter, so one built client serves every send.
 */
public interface EventApiClient {

    /**
     * @param eventKey the event key
     * @param idSeed the {@code x-inngest-event-id-seed} header, the same on every retry of one send
     * @param env the {@code X-Inngest-Env} header, or null to leave it out
     * @param body a JSON array of events
     * @return the raw answer
     */
    @POST
    @Path("e/{eventKey}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response send(@PathParam("eventKey") String eventKey,
            @HeaderParam("x-inngest-event-id-seed") String idSeed,
            @HeaderParam("X-Inngest-Env") String env,
            String body);
}
