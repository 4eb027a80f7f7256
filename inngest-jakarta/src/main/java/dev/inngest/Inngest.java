package dev.inngest;

import dev.inngest.api.InngestApi;
import dev.inngest.api.RestClientEventApi;
import dev.inngest.api.RestClientInngestApi;
import dev.inngest.event.Event;
import dev.inngest.event.EventSender;
import dev.inngest.function.FunctionDefinition;
import dev.inngest.function.FunctionHandler;
import dev.inngest.function.FunctionOptions;
import dev.inngest.json.JsonMapper;
import dev.inngest.protocol.AppFunctions;
import dev.inngest.protocol.ServeHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The Inngest client of an app: its configuration, its functions, and event sending.
 *
 * <pre>{@code
 * Inngest inngest = Inngest.builder(InngestConfig.fromEnvironment("shop")).build();
 * inngest.createFunction(
 *         FunctionOptions.builder("hello").triggerEvent("demo/hello").build(),
 *         (ctx, step) -> step.run("greet", String.class, () -> "Hello " + ctx.event().data().getString("name")));
 * inngest.send(Event.of("demo/hello", Map.of("name", "Ada")));
 * }</pre>
 *
 * <p>Thread-safe; create one per app.
 */
public final class Inngest implements EventSender {

    /** The framework name this SDK reports when served through JAX-RS. */
    public static final String FRAMEWORK = "jaxrs";

    private final InngestConfig config;
    private final JsonMapper mapper;
    private final InngestApi api;
    private final EventSender events;
    private final Clock clock;
    private final List<FunctionDefinition> functions = new ArrayList<>();
    private volatile ServeHandler handler;

    private Inngest(Builder b) {
        this.config = b.config;
        this.mapper = b.mapper;
        this.clock = b.clock;
        this.api = b.api != null ? b.api : new RestClientInngestApi(config);
        this.events = b.events != null ? b.events : new RestClientEventApi(config, clock);
    }

    /**
     * @param config the app's configuration
     * @return a builder
     */
    public static Builder builder(InngestConfig config) {
        return new Builder(config);
    }

    /**
     * Creates a function of this app and serves it from now on.
     *
     * @param options id, triggers and flow control
     * @param handler the function's code
     * @return the function
     * @throws dev.inngest.error.InvalidFunctionException if its id is already taken
     */
    public synchronized FunctionDefinition createFunction(FunctionOptions options, FunctionHandler handler) {
        return addFunction(new FunctionDefinition(options, handler));
    }

    /**
     * Serves a function defined elsewhere (e.g. discovered by the CDI extension).
     *
     * @param function the function
     * @return the function
     * @throws dev.inngest.error.InvalidFunctionException if its id is already taken
     */
    public synchronized FunctionDefinition addFunction(FunctionDefinition function) {
        List<FunctionDefinition> next = new ArrayList<>(functions);
        next.add(Objects.requireNonNull(function, "function"));
        AppFunctions app = new AppFunctions(config.appId(), next);
        functions.add(function);
        handler = new ServeHandler(config, app, api, events, mapper, clock, FRAMEWORK);
        return function;
    }

    /** @return the functions this app serves, in creation order */
    public synchronized List<FunctionDefinition> functions() {
        return List.copyOf(functions);
    }

    /**
     * The protocol engine for this app's functions, for an HTTP door such as the JAX-RS resource.
     *
     * @return the handler
     */
    public ServeHandler handler() {
        ServeHandler h = handler;
        if (h == null) {
            synchronized (this) {
                if (handler == null) {
                    handler = new ServeHandler(config, new AppFunctions(config.appId(), functions), api, events,
                            mapper, clock, FRAMEWORK);
                }
                h = handler;
            }
        }
        return h;
    }

    /**
     * Sends events in one request.
     *
     * @param events the events
     * @return the ids Inngest gave them, in order
     * @throws dev.inngest.api.InngestApiException when Inngest refused them or could not be reached
     */
    @Override
    public List<String> send(List<Event> events) {
        try {
            return this.events.send(events);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new dev.inngest.api.InngestApiException("could not send events: " + e.getMessage(), e);
        }
    }

    /**
     * Sends events in one request.
     *
     * @param events the events
     * @return the ids Inngest gave them, in order
     */
    public List<String> send(Event... events) {
        return send(Arrays.asList(events));
    }

    /** @return the configuration */
    public InngestConfig config() {
        return config;
    }

    /** @return the JSON mapper of user types */
    public JsonMapper mapper() {
        return mapper;
    }

    /** Builds an {@link Inngest}. */
    public static final class Builder {
        private final InngestConfig config;
        private JsonMapper mapper = JsonMapper.defaults();
        private InngestApi api;
        private EventSender events;
        private Clock clock = Clock.systemUTC();

        private Builder(InngestConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** @param mapper the JSON mapper of user types @return this builder */
        public Builder mapper(JsonMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /** @param api the Inngest API to use instead of the Rest Client one (tests, other transports) @return this builder */
        public Builder api(InngestApi api) {
            this.api = api;
            return this;
        }

        /** @param events the event sender to use instead of the Rest Client one @return this builder */
        public Builder events(EventSender events) {
            this.events = events;
            return this;
        }

        /** @param clock the clock for signatures and timestamps @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the client */
        public Inngest build() {
            return new Inngest(this);
        }
    }
}
