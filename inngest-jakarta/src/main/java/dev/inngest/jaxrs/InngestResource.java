package dev.inngest.jaxrs;

import dev.inngest.Inngest;
import dev.inngest.protocol.ServeRequest;
import dev.inngest.protocol.ServeResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The serve endpoint as a JAX-RS resource: {@code <application path>/inngest}. It hands the raw request to
 * the protocol engine and writes its answer unchanged; signatures are checked over the exact body bytes.
 *
 * <p>With the application path {@code /api} and the WAR at the root context, Inngest calls
 * {@code https://your-host/api/inngest}. The {@link Inngest} client is injected; the {@code inngest-cdi}
 * module provides it.
 */
@Path("inngest")
@ApplicationScoped
public class InngestResource {

    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;

    private Inngest inngest;

    /** For CDI. */
    protected InngestResource() {
    }

    /**
     * @param inngest the app's client
     */
    @Inject
    public InngestResource(Inngest inngest) {
        this.inngest = inngest;
    }

    /**
     * Introspection.
     *
     * @param uri the request URI
     * @param headers the request headers
     * @return the engine's answer
     */
    @GET
    public Response introspect(@Context UriInfo uri, @Context HttpHeaders headers) {
        return handle("GET", uri, headers, new byte[0]);
    }

    /**
     * Sync.
     *
     * @param uri the request URI
     * @param headers the request headers
     * @param body the raw body
     * @return the engine's answer
     */
    @PUT
    public Response sync(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return handle("PUT", uri, headers, body);
    }

    /**
     * A function call or a trust probe.
     *
     * @param uri the request URI
     * @param headers the request headers
     * @param body the raw body
     * @return the engine's answer
     */
    @POST
    public Response call(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return handle("POST", uri, headers, body);
    }

    private Response handle(String method, UriInfo uri, HttpHeaders headers, byte[] body) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> e : headers.getRequestHeaders().entrySet()) {
            if (!e.getValue().isEmpty()) {
                h.put(e.getKey(), e.getValue().get(0));
            }
        }
        ServeResponse answer = inngest.handler().handle(new ServeRequest(method, uri.getRequestUri(), h, body));
        Response.ResponseBuilder r = Response.status(answer.status());
        answer.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                r.header(name, value);
            }
        });
        if (answer.body().length > 0) {
            r.entity(answer.body());
        }
        return r.type(mediaType(answer.header("Content-Type"))).build();
    }

    /** The engine's content type; its usual value as a constant, which the runtime need not parse each time. */
    private static MediaType mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        return MediaType.APPLICATION_JSON.equals(contentType) ? JSON : MediaType.valueOf(contentType);
    }
}
