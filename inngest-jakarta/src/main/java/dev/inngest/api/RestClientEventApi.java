package dev.inngest.api;

import dev.inngest.InngestConfig;
import dev.inngest.event.Event;
import dev.inngest.event.EventSender;
import dev.inngest.json.JsonMapper;
import dev.inngest.tracing.Tracing;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Sends events to {@code POST {eventApi}/e/{eventKey}} on MicroProfile Rest Client.
 *
 * <ul>
 * <li>The body is always a JSON array; events without a timestamp get the current time.</li>
 * <li>Events too large, or too many, are refused before anything is sent ({@link EventSendException}).</li>
 * <li>Connection errors, timeouts, 408, 429 and 5xx are retried by the {@link RetryPolicy}; every attempt of one
 * send carries the same {@code x-inngest-event-id-seed} ({@code <millis>,<base64 of 10 random bytes>}), from
 * which Inngest derives the event ids, so a retry of a request that did arrive records nothing twice.</li>
 * <li>Other 4xx answers (a bad event key, a bad event) are not retried.</li>
 * <li>Without an event key: {@code NO_EVENT_KEY_SET} in dev mode (the dev server takes anything), an
 * {@link EventSendException} naming {@code INNGEST_EVENT_KEY} in cloud mode.</li>
 * </ul>
 *
 * <p>One Rest Client is built on first use and kept (the base URL and timeouts are fixed by the configuration;
 * the key, seed and environment are parameters of {@link EventApiClient}). Thread-safe; {@link #close()}
 * releases the client's connections.
 */
public final class RestClientEventApi implements EventSender, AutoCloseable {

    /** The key the dev server accepts when none is configured (as the official SDKs send). */
    static final String NO_EVENT_KEY = "NO_EVENT_KEY_SET";
    private static final Logger LOG = Logger.getLogger(RestClientEventApi.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InngestConfig config;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Tracing tracing;
    private EventApiClient client;

    /**
     * With {@link RetryPolicy#defaults()}.
     *
     * @param config the event key, URLs and timeouts
     * @param clock fills missing event timestamps
     */
    public RestClientEventApi(InngestConfig config, Clock clock) {
        this(config, clock, RetryPolicy.defaults());
    }

    /**
     * @param config the event key, URLs, timeouts and the largest event
     * @param clock fills missing event timestamps and the id seed
     * @param retry how to retry connection errors, timeouts, 429 and 5xx
     */
    public RestClientEventApi(InngestConfig config, Clock clock, RetryPolicy retry) {
        this(config, clock, retry, Tracing.none());
    }

    /**
     * @param config the event key, URLs, timeouts and the largest event
     * @param clock fills missing event timestamps and the id seed
     * @param retry how to retry connection errors, timeouts, 429 and 5xx
     * @param tracing writes the current trace context ({@code traceparent}) into every request
     */
    public RestClientEventApi(InngestConfig config, Clock clock, RetryPolicy retry, Tracing tracing) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.tracing = Objects.requireNonNull(tracing, "tracing");
    }

    /**
     * Sends events in one request, retrying as the policy says.
     *
     * @param events the events, 1 to 5000
     * @return the ids Inngest gave them, in order
     * @throws EventSendException when the events were refused (before sending or by Inngest) or not delivered
     * @throws IllegalArgumentException when there are no events
     */
    @Override
    public List<String> send(List<Event> events) {
        String key = eventKey();
        long now = clock.millis();
        String body = EventPayload.of(events, now, config.maxEventSize());
        String seed = now + "," + seedBytes();
        String env = config.env().orElse(null);
        EventApiClient c = client();
        String lastFailure = null;
        Throwable lastCause = null;
        int lastStatus = 0;
        for (int attempt = 1; ; attempt++) {
            Duration retryAfter = null;
            try (Response r = c.send(key, seed, env, body)) {
                int status = r.getStatus();
                String answer = r.hasEntity() ? r.readEntity(String.class) : "";
                answer = answer == null ? "" : answer;
                if (status >= 200 && status < 300) {
                    return ids(answer, status, attempt);
                }
                String error = errorOf(answer);
                if (!retriable(status)) {
                    throw new EventSendException("INNGEST-V005 Inngest refused the events with status " + status
                            + ": " + scrub(error, key) + hint(status), status, scrub(error, key), attempt, null);
                }
                lastStatus = status;
                lastFailure = "status " + status + (error.isEmpty() ? "" : ": " + scrub(error, key));
                lastCause = null;
                retryAfter = retryAfter(r.getHeaderString("Retry-After"));
            } catch (ProcessingException e) {
                lastStatus = 0;
                lastFailure = scrub(String.valueOf(rootMessage(e)), key);
                lastCause = e;
            }
            if (attempt >= retry.maxAttempts()) {
                throw new EventSendException("INNGEST-V006 could not send " + events.size() + " event(s) to "
                        + config.eventApiBaseUrl() + " in " + attempt + " attempt(s); last: " + lastFailure,
                        lastStatus, null, attempt, lastCause);
            }
            Duration wait = retry.delayBefore(attempt, retryAfter);
            int failedAttempt = attempt;
            String failure = lastFailure;
            LOG.fine(() -> "event send attempt " + failedAttempt + " failed (" + failure + "); retrying in " + wait);
            try {
                retry.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EventSendException("INNGEST-V007 interrupted while retrying to send events after "
                        + attempt + " attempt(s); last: " + lastFailure, lastStatus, null, attempt, e);
            }
        }
    }

    /** Releases the Rest Client; a later send builds a new one. */
    @Override
    public synchronized void close() {
        if (client != null) {
            RestClients.close(client);
            client = null;
        }
    }

    private synchronized EventApiClient client() {
        if (client == null) {
            client = tracing.isActive()
                    ? RestClients.build(EventApiClient.class, config.eventApiBaseUrl(), config,
                            request -> tracing.inject(request.getHeaders()::putSingle))
                    : RestClients.build(EventApiClient.class, config.eventApiBaseUrl(), config);
        }
        return client;
    }

    private String eventKey() {
        if (config.eventKey().isPresent()) {
            return config.eventKey().get();
        }
        if (config.isDev()) {
            return NO_EVENT_KEY;
        }
        throw new EventSendException("INNGEST-V001 cannot send events in cloud mode without an event key: set "
                + "INNGEST_EVENT_KEY (inngest.event-key, or InngestConfig.Builder.eventKey), or INNGEST_DEV=1 "
                + "to send to the Inngest dev server", 0, null, 0, null);
    }

    private static boolean retriable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static String hint(int status) {
        return status == 401 || status == 403
                ? " (check the event key: INNGEST_EVENT_KEY, and INNGEST_ENV for a branch environment)"
                : "";
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** Keys must never reach a message; the server's text or a transport error could echo the request URL. */
    private static String scrub(String text, String key) {
        return text == null || key.isEmpty() ? text : text.replace(key, "***");
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

    private static List<String> ids(String answer, int status, int attempt) {
        List<String> ids = new ArrayList<>();
        if (answer.isBlank()) {
            return List.of();
        }
        try {
            JsonValue v = JsonMapper.parse(answer);
            if (v instanceof JsonObject && ((JsonObject) v).get("ids") instanceof JsonArray) {
                for (JsonValue id : ((JsonObject) v).getJsonArray("ids")) {
                    if (id instanceof JsonString) {
                        ids.add(((JsonString) id).getString());
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new EventSendException("INNGEST-V008 Inngest accepted the events (status " + status
                    + ") but its answer is not JSON; the events were sent, do not send them again", status, null,
                    attempt, e);
        }
        return List.copyOf(ids);
    }
}
