package dev.inngest.execution;

import dev.inngest.event.Event;
import dev.inngest.json.JsonMapper;
import dev.inngest.json.Jsonp;
import dev.inngest.step.Invoke;
import dev.inngest.step.Step;
import dev.inngest.step.StepAction;
import dev.inngest.step.StepFuture;
import dev.inngest.step.StepRunnable;
import dev.inngest.step.TypeRef;
import dev.inngest.step.WaitForEvent;
import dev.inngest.time.TimeString;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The {@link Step} tools of one call: each method registers a step with the {@link Execution}. */
final class StepTools implements Step {

    /** The longest sleep the server accepts. */
    static final Duration MAX_SLEEP = Duration.ofDays(366);

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonObject NO_OPTS = JsonValue.EMPTY_JSON_OBJECT;

    private final Execution execution;
    private final JsonMapper mapper;

    StepTools(Execution execution) {
        this.execution = execution;
        this.mapper = execution.mapper();
    }

    @Override
    public <T> T run(String id, Class<T> type, StepAction<? extends T> action) {
        return runAsync(id, type, action).get();
    }

    @Override
    public <T> T run(String id, TypeRef<T> type, StepAction<? extends T> action) {
        return runAsync(id, type, action).get();
    }

    @Override
    public void run(String id, StepRunnable action) {
        execution.<Void>step(StepKind.RUN, id, null, NO_OPTS, () -> {
            action.run();
            return JsonValue.NULL;
        }, json -> null).get();
    }

    @Override
    public <T> StepFuture<T> runAsync(String id, Class<T> type, StepAction<? extends T> action) {
        return run(id, (Type) type, action);
    }

    @Override
    public <T> StepFuture<T> runAsync(String id, TypeRef<T> type, StepAction<? extends T> action) {
        return run(id, type.type(), action);
    }

    private <T> StepFuture<T> run(String id, Type type, StepAction<? extends T> action) {
        return execution.step(StepKind.RUN, id, null, NO_OPTS, () -> mapper.toJson(action.run()),
                json -> mapper.<T>fromJson(json, type));
    }

    @Override
    public void sleep(String id, Duration duration) {
        sleepAsync(id, duration).get();
    }

    @Override
    public void sleep(String id, String duration) {
        sleep(id, TimeString.parse(duration));
    }

    @Override
    public StepFuture<Void> sleepAsync(String id, Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("sleep \"" + id + "\" needs a duration of zero or more");
        }
        if (duration.compareTo(MAX_SLEEP) > 0) {
            throw new IllegalArgumentException("sleep \"" + id + "\" is longer than Inngest allows (366 days)");
        }
        return sleepStep(id, TimeString.format(duration));
    }

    @Override
    public void sleepUntil(String id, Instant until) {
        if (until == null) {
            throw new IllegalArgumentException("sleepUntil \"" + id + "\" needs a time");
        }
        sleepStep(id, ISO_MILLIS.format(until)).get();
    }

    @Override
    public void sleepUntil(String id, OffsetDateTime until) {
        sleepUntil(id, until == null ? null : until.toInstant());
    }

    @Override
    public void sleepUntil(String id, ZonedDateTime until) {
        sleepUntil(id, until == null ? null : until.toInstant());
    }

    private StepFuture<Void> sleepStep(String id, String duration) {
        JsonObject opts = Jsonp.createObjectBuilder().add("duration", duration).build();
        return execution.step(StepKind.SLEEP, id, duration, opts, null, json -> null);
    }

    @Override
    public Optional<Event> waitForEvent(String id, WaitForEvent options) {
        return waitForEventAsync(id, options).get();
    }

    @Override
    public <T> Optional<T> waitForEvent(String id, Class<T> type, WaitForEvent options) {
        if (type == Event.class) {
            return waitForEventAsync(id, options).get().map(type::cast);
        }
        return waitFor(id, options, json -> Optional.ofNullable(mapper.<T>fromJson(json, type))).get();
    }

    @Override
    public StepFuture<Optional<Event>> waitForEventAsync(String id, WaitForEvent options) {
        return waitFor(id, options, json -> json instanceof JsonObject
                ? Optional.of(Event.fromJson((JsonObject) json, mapper)) : Optional.empty());
    }

    private <T> StepFuture<Optional<T>> waitFor(String id, WaitForEvent options,
            java.util.function.Function<JsonValue, Optional<T>> decode) {
        JsonObjectBuilder opts = Jsonp.createObjectBuilder()
                .add("event", options.event())
                .add("timeout", TimeString.format(options.timeout()));
        if (options.condition() != null) {
            opts.add("if", options.condition());
        }
        return execution.step(StepKind.WAIT_FOR_EVENT, id, options.event(), opts.build(), null,
                json -> json == null || json == JsonValue.NULL ? Optional.empty() : decode.apply(json));
    }

    @Override
    public <T> T invoke(String id, Invoke invocation, Class<T> type) {
        return invokeAsync(id, invocation, type).get();
    }

    @Override
    public <T> T invoke(String id, Invoke invocation, TypeRef<T> type) {
        return this.<T>invoke(id, invocation, type.type()).get();
    }

    @Override
    public <T> StepFuture<T> invokeAsync(String id, Invoke invocation, Class<T> type) {
        return invoke(id, invocation, (Type) type);
    }

    private <T> StepFuture<T> invoke(String id, Invoke invocation, Type type) {
        String target = (invocation.appId() == null ? execution.appId() : invocation.appId())
                + "-" + invocation.functionId();
        JsonObjectBuilder payload = Jsonp.createObjectBuilder().add("data", eventObject("data", invocation.data()));
        if (invocation.user() != null) {
            payload.add("user", eventObject("user", invocation.user()));
        }
        JsonObjectBuilder opts = Jsonp.createObjectBuilder().add("function_id", target).add("payload", payload);
        if (invocation.timeout() != null) {
            opts.add("timeout", TimeString.format(invocation.timeout()));
        }
        return execution.step(StepKind.INVOKE, id, target, opts.build(), null, json -> mapper.<T>fromJson(json, type));
    }

    private JsonObject eventObject(String what, Object value) {
        JsonValue json = mapper.toJson(value);
        if (json == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (!(json instanceof JsonObject)) {
            throw new IllegalArgumentException("invoke " + what + " must map to a JSON object, but "
                    + value.getClass().getName() + " maps to " + json.getValueType());
        }
        return (JsonObject) json;
    }

    @Override
    public List<String> sendEvent(String id, Event... events) {
        return sendEvent(id, Arrays.asList(events));
    }

    @Override
    public List<String> sendEvent(String id, List<Event> events) {
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("sendEvent \"" + id + "\" needs at least one event");
        }
        List<Event> batch = List.copyOf(events);
        JsonObject opts = Jsonp.createObjectBuilder().add("type", "step.sendEvent").build();
        return execution.<List<String>>step(StepKind.SEND_EVENT, id, "sendEvent", opts, () -> {
            var ids = Jsonp.createArrayBuilder();
            execution.send(batch).forEach(ids::add);
            return Jsonp.createObjectBuilder().add("ids", ids).build();
        }, StepTools::eventIds).get();
    }

    private static List<String> eventIds(JsonValue json) {
        List<String> ids = new ArrayList<>();
        if (json instanceof JsonObject) {
            JsonObject o = (JsonObject) json;
            JsonValue arr = o.containsKey("ids") ? o.get("ids") : o.get("event_ids");
            if (arr instanceof JsonArray) {
                for (JsonValue v : (JsonArray) arr) {
                    if (v instanceof JsonString) {
                        ids.add(((JsonString) v).getString());
                    }
                }
            }
        }
        return List.copyOf(ids);
    }

    @Override
    public void all(StepFuture<?>... futures) {
        all(Arrays.asList(futures));
    }

    @Override
    public void all(Collection<? extends StepFuture<?>> futures) {
        List<PendingStep<?>> steps = new ArrayList<>(futures.size());
        for (StepFuture<?> f : futures) {
            if (!(f instanceof PendingStep)) {
                throw new IllegalArgumentException("step.all takes the futures returned by this run's step tools");
            }
            steps.add((PendingStep<?>) f);
        }
        execution.await(steps);
        for (PendingStep<?> s : steps) {
            s.get();
        }
    }
}
