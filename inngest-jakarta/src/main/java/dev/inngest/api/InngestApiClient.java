package dev.inngest.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The MicroProfile Rest Client interface of the Inngest API. It has no class-level {@code @Path}: Jersey
 * would otherwise take it for a resource of the application (toolchain pitfall P1).
 */
public interface InngestApiClient {

    /**
     * @param deployId the deploy id, or null
     * @param body the registration JSON
     * @return the raw answer
     */
    @POST
    @Path("fn/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response register(@QueryParam("deployId") String deployId, String body);

    /**
     * @param runId the run id
     * @return the raw answer
     */
    @GET
    @Path("v0/runs/{runId}/batch")
    @Produces(MediaType.APPLICATION_JSON)
    Response batch(@PathParam("runId") String runId);

    /**
     * @param runId the run id
     * @return the raw answer
     */
    @GET
    @Path("v0/runs/{runId}/actions")
    @Produces(MediaType.APPLICATION_JSON)
    Response actions(@PathParam("runId") String runId);
}
