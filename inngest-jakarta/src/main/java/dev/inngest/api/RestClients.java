package dev.inngest.api;

import dev.inngest.InngestConfig;
import dev.inngest.Sdk;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/** Builds and closes the MicroProfile Rest Clients of this package (MP Rest Client 3.0 API only, pitfall P9). */
final class RestClients {

    private static final Logger LOG = Logger.getLogger(RestClients.class.getName());
    private static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    /**
     * Adds the headers every call carries ({@code User-Agent}, {@code X-Inngest-SDK}) and drops optional
     * {@code @HeaderParam}s passed as null: RESTEasy leaves those out, but Jersey's MP Rest Client (Payara) keeps
     * the name with no value and would send an empty header.
     */
    private static final ClientRequestFilter SDK_HEADERS = ctx -> {
        ctx.getHeaders().entrySet().removeIf(h -> h.getValue() == null
                || h.getValue().stream().allMatch(v -> v == null || v.toString().isEmpty()));
        ctx.getHeaders().putSingle("User-Agent", Sdk.USER_AGENT);
        ctx.getHeaders().putSingle("X-Inngest-SDK", Sdk.USER_AGENT);
    };

    private RestClients() {
    }

    /**
     * @param type the client interface
     * @param baseUri where it calls
     * @param config the timeouts
     * @param filters more request filters, if any
     * @param <T> the client interface
     * @return the client; status codes come back as responses, never as exceptions
     */
    static <T> T build(Class<T> type, URI baseUri, InngestConfig config, ClientRequestFilter... filters) {
        RestClientBuilder b = RestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property(DISABLE_DEFAULT_MAPPER, true)
                .register(SDK_HEADERS);
        for (ClientRequestFilter f : filters) {
            b = b.register(f);
        }
        return b.build(type);
    }

    /** Closes a client if its implementation can be closed (all known ones can). */
    static void close(Object client) {
        if (client instanceof AutoCloseable) {
            try {
                ((AutoCloseable) client).close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing a Rest Client failed", e);
            }
        }
    }
}
