package dev.inngest;

import dev.inngest.api.EventSendException;
import dev.inngest.api.InngestApi;
import dev.inngest.api.InngestApiException;
import dev.inngest.api.RestClientEventApi;
import dev.inngest.api.RestClientInngestApi;
import dev.inngest.api.RetryPolicy;
import dev.inngest.event.Event;
import dev.inngest.event.EventSender;
import dev.inngest.function.FunctionDefinition;
import dev.inngest.function.FunctionHandler;
import dev.inngest.function.FunctionOptions;
import dev.inngest.json.JsonMapper;
import dev.inngest.protocol.AppFunctions;
import dev.inngest.protocol.ServeHandler;
import dev.inngest.protocol.SyncOutcome;
import dev.inngest.tracing.Tracing;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Inngest client of an app: its configuration, its functions, and event sending.
 *
 * <pre>{@code
 * Inngest inngest = Inngest.builder(InngestConfig.fromEnvironment("shop")).build();
 * inngest.createFunction(
 *         FunctionOptions.builder("hello").triggerEvent("demo/hello").build(),
 *         (ctx, step) -> step.run("greet", String.class, () -> "Hello " + ctx.event().data().getString("name")));
 * inngest.send("demo/hello", Map.of("name", "Ada"));
 * }</pre>
 *
 * <p>Thread-safe; create one per app, and {@link #close()} it when the app stops (a CDI producer can do so in
 * its disposer).
 */
public final class Inngest implements EventSender, AutoCloseable {

    /** The framework name this SDK reports when served through JAX-RS. */
    public static final String FRAMEWORK = "jaxrs";
    private static final Logger LOG = Logger.getLogger(Inngest.class.getName());

    private final InngestConfig config;
    private final JsonMapper mapper;
    private final InngestApi api;
    private final EventSender ownOrGivenEvents;
    private final EventSender events;
    private final Tracing tracing;
    private final AtomicReference<SyncOutcome> lastSync = new AtomicReference<>();
    private final boolean ownApi;
    private final boolean ownEvents;
    private final Executor executor;
    private final Clock clock;
    private final List<FunctionDefinition> functions = new ArrayList<>();
    private volatile ServeHandler handler;

    private Inngest(Builder b) {
        this.config = b.config;
        this.mapper = b.mapper;
        this.clock = b.clock;
        this.tracing = b.tracing != null ? b.tracing : Tracing.discover();
        this.api = b.api != null ? b.api : new RestClientInngestApi(config);
        this.ownOrGivenEvents = b.events != null ? b.events
                : new RestClientEventApi(config, clock, b.sendRetries, tracing);
        this.events = tracing.isActive() ? new TracedEvents(ownOrGivenEvents, tracing) : ownOrGivenEvents;
        this.ownApi = b.api == null;
        this.ownEvents = b.events == null;
        this.executor = b.executor != null ? b.executor : SendThreads.POOL;
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
        handler = newHandler(app);
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
                    handler = newHandler(new AppFunctions(config.appId(), functions));
                }
                h = handler;
            }
        }
        return h;
    }

    private ServeHandler newHandler(AppFunctions app) {
        return new ServeHandler(config, app, api, events, mapper, clock, FRAMEWORK, tracing, lastSync::set);
    }

    /**
     * How the last sync with Inngest went, since this client was built: a {@code PUT} to the serve endpoint
     * that registered the app (or failed to), or an in-band sync. Unauthenticated requests refused by the
     * endpoint are not syncs and are not recorded.
     *
     * @return the outcome, or empty before the first sync
     */
    public Optional<SyncOutcome> lastSync() {
        return Optional.ofNullable(lastSync.get());
    }

    /** @return the tracing of requests, steps and sends ({@link Tracing#none()} without a tracing library) */
    public Tracing tracing() {
        return tracing;
    }

    /**
     * Sends one event: {@code inngest.send("shop/order.created", order)}.
     *
     * @param name the event name
     * @param data any value JSON-B maps to a JSON object, or null for {@code {}}
     * @return the id Inngest gave the event, in a list
     * @throws EventSendException when the event was refused or could not be delivered
     */
    public List<String> send(String name, Object data) {
        return send(List.of(Event.of(name, data)));
    }

    /**
     * Sends one event with its metadata (user, id for idempotency, ts, v).
     *
     * @param event the event
     * @return the id Inngest gave the event, in a list
     * @throws EventSendException when the event was refused or could not be delivered
     */
    public List<String> send(Event event) {
        return send(List.of(Objects.requireNonNull(event, "event")));
    }

    /**
     * Sends events in one request: at most 5000, each no larger than {@link InngestConfig#maxEventSize()}.
     * Events without a timestamp get the current time. Connection errors, timeouts, 429 and 5xx are retried
     * (5 attempts by default, see {@link Builder#sendRetries}) without ever recording an event twice.
     *
     * @param events the events
     * @return the ids Inngest gave them, in order
     * @throws EventSendException when the events were refused (too large, too many, no event key in cloud
     *         mode, a 4xx from Inngest) or could not be delivered after every retry
     * @throws IllegalArgumentException when there are no events
     */
    @Override
    public List<String> send(List<Event> events) {
        try {
            return this.events.send(events);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new InngestApiException("could not send events: " + e.getMessage(), e);
        }
    }

    /**
     * Sends events in one request, as {@link #send(List)}.
     *
     * @param events the events
     * @return the ids Inngest gave them, in order
     */
    public List<String> send(Event... events) {
        return send(Arrays.asList(events));
    }

    /**
     * Sends one event without blocking, as {@link #send(String, Object)}.
     *
     * @param name the event name
     * @param data the data, or null for {@code {}}
     * @return the ids, or the {@link EventSendException}
     */
    public CompletionStage<List<String>> sendAsync(String name, Object data) {
        return sendAsync(List.of(Event.of(name, data)));
    }

    /**
     * Sends events without blocking, as {@link #send(List)}, on the send executor ({@link Builder#executor}).
     *
     * <pre>{@code
     * inngest.sendAsync(List.of(a, b)).thenAccept(ids -> log.info("sent " + ids));
     * }</pre>
     *
     * @param events the events
     * @return the ids Inngest gave them, or the failure ({@link EventSendException} and others)
     */
    public CompletionStage<List<String>> sendAsync(List<Event> events) {
        List<Event> copy = new ArrayList<>(Objects.requireNonNull(events, "events"));
        try {
            return CompletableFuture.supplyAsync(() -> send(copy), executor);
        } catch (RuntimeException rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
    }

    /**
     * Sends events without blocking, as {@link #sendAsync(List)}.
     *
     * @param events the events
     * @return the ids Inngest gave them, or the failure
     */
    public CompletionStage<List<String>> sendAsync(Event... events) {
        return sendAsync(Arrays.asList(events));
    }

    /**
     * Releases the HTTP clients this client built (the ones passed to the builder are left alone). Sending
     * afterwards builds them again.
     */
    @Override
    public void close() {
        for (Object own : new Object[] {ownApi ? api : null, ownEvents ? ownOrGivenEvents : null}) {
            if (own instanceof AutoCloseable) {
                try {
                    ((AutoCloseable) own).close();
                } catch (Exception e) {
                    LOG.log(Level.FINE, "closing an Inngest client failed", e);
                }
            }
        }
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
        private Executor executor;
        private RetryPolicy sendRetries = RetryPolicy.defaults();
        private Tracing tracing;

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

        /**
         * The executor of {@code sendAsync}. By default a small shared pool of at most 4 daemon threads, so the
         * library works outside Jakarta EE too; in a Jakarta EE server pass a {@code ManagedExecutorService}
         * (the CDI module can do so when one is available).
         *
         * @param executor runs asynchronous sends (each blocks one thread for the send and its retries)
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * How event sends are retried after connection errors, timeouts, 429 and 5xx; used by the built-in
         * event sender only (not by one passed to {@link #events}).
         *
         * @param retries the policy; default {@link RetryPolicy#defaults()} (5 attempts, 100 ms doubling)
         * @return this builder
         */
        public Builder sendRetries(RetryPolicy retries) {
            this.sendRetries = Objects.requireNonNull(retries, "retries");
            return this;
        }

        /**
         * The tracing of requests, steps and event sends. By default {@link Tracing#discover()}: the
         * {@code inngest-opentelemetry} module when it is on the class path and the OpenTelemetry API is
         * available (MicroProfile Telemetry), else none.
         *
         * @param tracing the tracing, e.g. {@link Tracing#none()} to turn it off
         * @return this builder
         */
        public Builder tracing(Tracing tracing) {
            this.tracing = Objects.requireNonNull(tracing, "tracing");
            return this;
        }

        /** @return the client */
        public Inngest build() {
            return new Inngest(this);
        }
    }

    /** The default executor of {@code sendAsync}: up to 4 daemon threads that end after a minute idle. */
    private static final class SendThreads {
        static final Executor POOL = create();

        private static Executor create() {
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    r -> {
                        Thread t = new Thread(r, "inngest-send-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
