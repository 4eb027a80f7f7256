package dev.inngest.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The MicroProfile Rest Client interface of the Inngest API. It has no class-level {@code @Path}: Jersey
 * would otherwise take it for a resource of the application (toolchain pitfall P1). Headers that change per
 * call are parameters (a null value leaves the header out), so one built client serves every call.
 */
public interface InngestApiClient {

    /**
     * @param deployId the deploy id, or null
     * @param authorization {@code Bearer <hashed signing key>}, or null (dev mode without a key)
     * @param env the {@code X-Inngest-Env} header, or null
     * @param framework the {@code X-Inngest-Framework} header, or null
     * @param syncKind the {@code X-Inngest-Sync-Kind} header, or null
     * @param sdkHandled the {@code x-inngest-sdk-handled} header, or null
     * @param expectedServerKind the {@code X-Inngest-Expected-Server-Kind} header, or null
     * @param body the registration JSON
     * @return the raw answer
     */
    @POST
    @Path("fn/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response register(@QueryParam("deployId") String deployId,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Inngest-Env") String env,
            @HeaderParam("X-Inngest-Framework") String framework,
            @HeaderParam("X-Inngest-Sync-Kind") String syncKind,
            @HeaderParam("x-inngest-sdk-handled") String sdkHandled,
            @HeaderParam("X-Inngest-Expected-Server-Kind") String expectedServerKind,
            String body);

    /**
     * @param runId the run id
     * @param authorization {@code Bearer <hashed signing key>}, or null
     * @param env the {@code X-Inngest-Env} header, or null
     * @return the raw answer
     */
    @GET
    @Path("v0/runs/{runId}/batch")
    @Produces(MediaType.APPLICATION_JSON)
    Response batch(@PathParam("runId") String runId,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Inngest-Env") String env);

    /**
     * @param runId the run id
     * @param authorization {@code Bearer <hashed signing key>}, or null
     * @param env the {@code X-Inngest-Env} header, or null
     * @return the raw answer
     */
    @GET
    @Path("v0/runs/{runId}/actions")
    @Produces(MediaType.APPLICATION_JSON)
    Response actions(@PathParam("runId") String runId,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Inngest-Env") String env);
}
