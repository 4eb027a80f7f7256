package dev.inngest.load;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baseline of the load benchmark: a JAX-RS endpoint in the same WAR that reads the same request body and
 * answers the same bytes as the serve endpoint, without doing any of its work. The load generator stores the
 * serve endpoint's answer for each case first ({@code PUT /api/bare/{case}}).
 */
@Path("bare/{case}")
@ApplicationScoped
public class BareResource {

    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();

    /**
     * @param name the case
     * @param body the answer to give for it
     * @return 204
     */
    @PUT
    public Response store(@PathParam("case") String name, byte[] body) {
        answers.put(name, body);
        return Response.noContent().build();
    }

    /**
     * @param name the case
     * @param body the request body, read and ignored
     * @return the stored answer
     */
    @POST
    public Response post(@PathParam("case") String name, byte[] body) {
        return answer(name);
    }

    /**
     * @param name the case
     * @return the stored answer
     */
    @GET
    public Response get(@PathParam("case") String name) {
        return answer(name);
    }

    private Response answer(String name) {
        byte[] bytes = answers.get(name);
        if (bytes == null) {
            return Response.status(404).build();
        }
        return Response.ok(bytes, "application/json").build();
    }
}
