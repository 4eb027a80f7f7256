package dev.inngest.event;

import dev.inngest.json.JsonMapper;
import dev.inngest.json.Jsonp;
import dev.inngest.step.TypeRef;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Objects;

/**
 * An Inngest event: a name, JSON data, and optional id, timestamp, user and schema version.
 *
 * <p>Events arrive in a {@link dev.inngest.function.FunctionContext} and are built to be sent:
 * <pre>{@code
 * Order order = ctx.event().data(Order.class);
 *
 * Event e = Event.builder("shop/order.created")
 *         .data(new Order("o-1", "u-7", 42))
 *         .id("order-o-1")          // idempotency key: the same id within 24h triggers nothing
 *         .user(Map.of("email", "a@example.com"))
 *         .build();
 * }</pre>
 */
public final class Event {

    private final String name;
    private final JsonObject data;
    private final String id;
    private final Long ts;
    private final JsonObject user;
    private final String v;
    private final JsonMapper mapper;

    private Event(String name, JsonObject data, String id, Long ts, JsonObject user, String v, JsonMapper mapper) {
        this.name = name;
        this.data = data;
        this.id = id;
        this.ts = ts;
        this.user = user;
        this.v = v;
        this.mapper = mapper;
    }

    /**
     * An event with a name and data.
     *
     * @param name the event name, e.g. {@code shop/order.created}
     * @param data any value JSON-B maps to a JSON object (a record, a POJO, a map), or null
     * @return the event
     */
    public static Event of(String name, Object data) {
        return builder(name).data(data).build();
    }

    /**
     * Starts an event.
     *
     * @param name the event name
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Reads an event from its JSON form.
     *
     * @param json the event object
     * @param mapper the mapper for {@link #data(Class)}
     * @return the event
     * @throws IllegalArgumentException if the JSON has no name
     */
    public static Event fromJson(JsonObject json, JsonMapper mapper) {
        JsonValue name = json.get("name");
        JsonValue data = json.get("data");
        JsonValue user = json.get("user");
        JsonValue ts = json.get("ts");
        return new Event(
                name instanceof JsonString ? ((JsonString) name).getString() : "",
                data instanceof JsonObject ? (JsonObject) data : JsonValue.EMPTY_JSON_OBJECT,
                string(json.get("id")),
                ts instanceof JsonNumber ? ((JsonNumber) ts).longValue() : null,
                user instanceof JsonObject ? (JsonObject) user : null,
                string(json.get("v")),
                mapper);
    }

    /** @return the event name */
    public String name() {
        return name;
    }

    /** @return the data as a JSON object, empty if the event has none */
    public JsonObject data() {
        return data;
    }

    /**
     * The data mapped to a type of yours.
     *
     * @param type a record or POJO whose fields match the data
     * @param <T> the type
     * @return the mapped data
     */
    public <T> T data(Class<T> type) {
        return mapper.fromJson(data, type);
    }

    /**
     * The data mapped to a generic type.
     *
     * @param type a type token such as {@code new TypeRef<Map<String, List<Item>>>() {}}
     * @param <T> the type
     * @return the mapped data
     */
    public <T> T data(TypeRef<T> type) {
        return mapper.fromJson(data, type.type());
    }

    /** @return the event id (an idempotency key when sent), or null */
    public String id() {
        return id;
    }

    /** @return the timestamp in epoch milliseconds, or null */
    public Long ts() {
        return ts;
    }

    /** @return the timestamp, or null */
    public Instant timestamp() {
        return ts == null ? null : Instant.ofEpochMilli(ts);
    }

    /** @return the user object, or null */
    public JsonObject user() {
        return user;
    }

    /** @return the schema version, or null */
    public String v() {
        return v;
    }

    /**
     * The event's JSON form as the Event API takes it.
     *
     * @return the JSON object; optional fields only when set
     */
    public JsonObject toJson() {
        JsonObjectBuilder b = Jsonp.createObjectBuilder().add("name", name).add("data", data);
        if (id != null) {
            b.add("id", id);
        }
        if (ts != null) {
            b.add("ts", ts);
        }
        if (user != null) {
            b.add("user", user);
        }
        if (v != null) {
            b.add("v", v);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "Event" + JsonMapper.write(toJson());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event && toJson().equals(((Event) o).toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    private static String string(JsonValue v) {
        return v instanceof JsonString ? ((JsonString) v).getString() : null;
    }

    /** Builds an {@link Event}. */
    public static final class Builder {
        private final String name;
        private Object data;
        private String id;
        private Long ts;
        private Object user;
        private String v;
        private JsonMapper mapper = JsonMapper.defaults();

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an event needs a name, such as \"shop/order.created\"");
            }
            this.name = name;
        }

        /**
         * @param data any value JSON-B maps to a JSON object, or null for {@code {}}
         * @return this builder
         */
        public Builder data(Object data) {
            this.data = data;
            return this;
        }

        /**
         * @param id an idempotency key: another event with the same id within 24 hours triggers nothing
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param ts when the event happened; a future time delays the runs it triggers
         * @return this builder
         */
        public Builder ts(Instant ts) {
            this.ts = ts == null ? null : ts.toEpochMilli();
            return this;
        }

        /**
         * @param epochMillis when the event happened, in epoch milliseconds
         * @return this builder
         */
        public Builder ts(long epochMillis) {
            this.ts = epochMillis;
            return this;
        }

        /**
         * @param user any value JSON-B maps to a JSON object: who caused the event
         * @return this builder
         */
        public Builder user(Object user) {
            this.user = user;
            return this;
        }

        /**
         * @param v the event's schema version, e.g. {@code "2024-01-01.1"}
         * @return this builder
         */
        public Builder v(String v) {
            this.v = v;
            return this;
        }

        /**
         * @param mapper the JSON mapper for data and user
         * @return this builder
         */
        public Builder mapper(JsonMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /**
         * @return the event
         * @throws IllegalArgumentException if data or user do not map to JSON objects
         */
        public Event build() {
            return new Event(name, object("data", data, JsonValue.EMPTY_JSON_OBJECT), id, ts,
                    object("user", user, null), v, mapper);
        }

        private JsonObject object(String what, Object value, JsonObject ifNull) {
            if (value == null) {
                return ifNull;
            }
            JsonValue json = mapper.toJson(value);
            if (!(json instanceof JsonObject)) {
                throw new IllegalArgumentException("event " + what + " must be a JSON object, but "
                        + value.getClass().getName() + " maps to " + json.getValueType());
            }
            return (JsonObject) json;
        }
    }
}
