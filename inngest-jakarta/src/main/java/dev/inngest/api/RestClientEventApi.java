package dev.inngest.api;

import dev.inngest.InngestConfig;
import dev.inngest.Sdk;
import dev.inngest.event.Event;
import dev.inngest.event.EventSender;
import dev.inngest.json.JsonMapper;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Sends events to {@code POST {eventApi}/e/{eventKey}} on MicroProfile Rest Client. The body is always a
 * JSON array; every event gets a timestamp; the {@code x-inngest-event-id-seed} header lets Inngest give
 * the events deterministic ids.
 */
public final class RestClientEventApi implements EventSender {

    /** The key the dev server accepts when none is configured (as the official SDKs send). */
    static final String NO_EVENT_KEY = "NO_EVENT_KEY_SET";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InngestConfig config;
    private final Clock clock;

    /**
     * @param config the event key, URLs and timeouts
     * @param clock fills missing event timestamps
     */
    public RestClientEventApi(InngestConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public List<String> send(List<Event> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("send at least one event");
        }
        JsonArrayBuilder batch = Json.createArrayBuilder();
        long now = clock.millis();
        for (Event e : events) {
            JsonObject json = e.toJson();
            batch.add(json.containsKey("ts") ? json : Json.createObjectBuilder(json).add("ts", now).build());
        }
        String seed = now + "," + seedBytes();
        ClientRequestFilter headers = ctx -> {
            ctx.getHeaders().putSingle("X-Inngest-SDK", Sdk.USER_AGENT);
            ctx.getHeaders().putSingle("User-Agent", Sdk.USER_AGENT);
            ctx.getHeaders().putSingle("x-inngest-event-id-seed", seed);
            config.env().ifPresent(env -> ctx.getHeaders().putSingle("X-Inngest-Env", env));
        };
        EventApiClient client = RestClientBuilder.newBuilder()
                .baseUri(config.eventApiBaseUrl())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .register(headers)
                .build(EventApiClient.class);
        String body = JsonMapper.write(batch.build());
        try (Response r = client.send(config.eventKey().orElse(NO_EVENT_KEY), body)) {
            String answer = r.hasEntity() ? r.readEntity(String.class) : "";
            if (r.getStatus() < 200 || r.getStatus() >= 300) {
                throw new InngestApiException("Inngest refused the events (status " + r.getStatus() + "): "
                        + errorOf(answer), null);
            }
            return ids(answer);
        } catch (ProcessingException e) {
            throw new InngestApiException("could not send events to " + config.eventApiBaseUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String seedBytes() {
        byte[] b = new byte[10];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static String errorOf(String answer) {
        try {
            JsonValue v = JsonMapper.parse(answer);
            if (v instanceof JsonObject && ((JsonObject) v).get("error") instanceof JsonString) {
                return ((JsonObject) v).getString("error");
            }
        } catch (RuntimeException notJson) {
            // fall through to the raw text
        }
        return answer.length() > 200 ? answer.substring(0, 200) : answer;
    }

    private static List<String> ids(String answer) {
        JsonValue v = JsonMapper.parse(answer);
        List<String> ids = new ArrayList<>();
        if (v instanceof JsonObject && ((JsonObject) v).get("ids") instanceof JsonArray) {
            for (JsonValue id : ((JsonObject) v).getJsonArray("ids")) {
                if (id instanceof JsonString) {
                    ids.add(((JsonString) id).getString());
                }
            }
        }
        return List.copyOf(ids);
    }
}
