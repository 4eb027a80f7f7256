package dev.inngest.protocol;

import dev.inngest.function.Batching;
import dev.inngest.function.Cancellation;
import dev.inngest.function.Concurrency;
import dev.inngest.function.Debounce;
import dev.inngest.function.FunctionDefinition;
import dev.inngest.function.FunctionOptions;
import dev.inngest.function.RateLimit;
import dev.inngest.function.Singleton;
import dev.inngest.function.Throttle;
import dev.inngest.function.Timeouts;
import dev.inngest.function.Trigger;
import dev.inngest.json.Jsonp;
import dev.inngest.time.TimeString;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The function configurations of a registration ({@code functions[]}), key for key as the TypeScript SDK
 * writes them and the server's {@code SDKFunction} reads them.
 */
public final class FunctionConfigs {

    private FunctionConfigs() {
    }

    /**
     * @param app the app's functions
     * @param appUrl the URL Inngest calls, without query
     * @return the {@code functions} array
     */
    public static JsonArray of(AppFunctions app, String appUrl) {
        JsonArrayBuilder out = Jsonp.createArrayBuilder();
        for (Map.Entry<String, FunctionDefinition> e : app.all().entrySet()) {
            out.add(of(e.getKey(), e.getValue().options(), appUrl));
        }
        return out.build();
    }

    /**
     * @param compositeId the function's composite id
     * @param o its options
     * @param appUrl the URL Inngest calls
     * @return one function's configuration
     */
    public static JsonObject of(String compositeId, FunctionOptions o, String appUrl) {
        String stepUrl = appUrl + "?fnId=" + URLEncoder.encode(compositeId, StandardCharsets.UTF_8) + "&stepId=step";
        JsonObjectBuilder step = Jsonp.createObjectBuilder()
                .add("id", "step")
                .add("name", "step")
                .add("runtime", Jsonp.createObjectBuilder().add("type", "http").add("url", stepUrl));
        if (o.retries() != null) {
            step.add("retries", Jsonp.createObjectBuilder().add("attempts", o.retries()));
        }
        JsonObjectBuilder fn = Jsonp.createObjectBuilder()
                .add("id", compositeId)
                .add("name", o.name())
                .add("triggers", triggers(o))
                .add("steps", Jsonp.createObjectBuilder().add("step", step));
        if (o.idempotency() != null) {
            fn.add("idempotency", o.idempotency());
        }
        if (o.batchEvents() != null) {
            fn.add("batchEvents", batch(o.batchEvents()));
        }
        if (o.rateLimit() != null) {
            fn.add("rateLimit", rateLimit(o.rateLimit()));
        }
        if (o.throttle() != null) {
            fn.add("throttle", throttle(o.throttle()));
        }
        if (!o.concurrency().isEmpty()) {
            addConcurrency(fn, o);
        }
        if (o.debounce() != null) {
            fn.add("debounce", debounce(o.debounce()));
        }
        if (o.priority() != null) {
            fn.add("priority", Jsonp.createObjectBuilder().add("run", o.priority()));
        }
        if (o.timeouts() != null) {
            fn.add("timeouts", timeouts(o.timeouts()));
        }
        if (o.singleton() != null) {
            fn.add("singleton", singleton(o.singleton()));
        }
        if (!o.cancelOn().isEmpty()) {
            JsonArrayBuilder cancel = Jsonp.createArrayBuilder();
            o.cancelOn().forEach(c -> cancel.add(cancel(c)));
            fn.add("cancel", cancel);
        }
        return fn.build();
    }

    private static JsonArrayBuilder triggers(FunctionOptions o) {
        JsonArrayBuilder out = Jsonp.createArrayBuilder();
        for (Trigger t : o.triggers()) {
            JsonObjectBuilder b = Jsonp.createObjectBuilder();
            if (t.event() != null) {
                b.add("event", t.event());
                if (t.expression() != null) {
                    b.add("expression", t.expression());
                }
            } else {
                b.add("cron", t.cron());
                if (t.jitter() != null) {
                    b.add("jitter", TimeString.format(t.jitter()));
                }
            }
            out.add(b);
        }
        return out;
    }

    private static void addConcurrency(JsonObjectBuilder fn, FunctionOptions o) {
        if (o.concurrency().size() == 1 && o.concurrency().get(0).isBare()) {
            fn.add("concurrency", o.concurrency().get(0).limit());
            return;
        }
        JsonArrayBuilder out = Jsonp.createArrayBuilder();
        for (Concurrency c : o.concurrency()) {
            JsonObjectBuilder b = Jsonp.createObjectBuilder().add("limit", c.limit());
            if (c.key() != null) {
                b.add("key", c.key());
            }
            if (c.scope() != null) {
                b.add("scope", c.scope().wire());
            }
            out.add(b);
        }
        fn.add("concurrency", out);
    }

    private static JsonObjectBuilder batch(Batching b) {
        JsonObjectBuilder out = Jsonp.createObjectBuilder()
                .add("maxSize", b.maxSize())
                .add("timeout", TimeString.format(b.timeout()));
        if (b.key() != null) {
            out.add("key", b.key());
        }
        if (b.condition() != null) {
            out.add("if", b.condition());
        }
        return out;
    }

    private static JsonObjectBuilder rateLimit(RateLimit r) {
        JsonObjectBuilder out = Jsonp.createObjectBuilder().add("limit", r.limit()).add("period", TimeString.format(r.period()));
        if (r.key() != null) {
            out.add("key", r.key());
        }
        return out;
    }

    private static JsonObjectBuilder throttle(Throttle t) {
        JsonObjectBuilder out = Jsonp.createObjectBuilder().add("limit", t.limit()).add("period", TimeString.format(t.period()));
        if (t.key() != null) {
            out.add("key", t.key());
        }
        if (t.burst() != null) {
            out.add("burst", t.burst());
        }
        return out;
    }

    private static JsonObjectBuilder debounce(Debounce d) {
        JsonObjectBuilder out = Jsonp.createObjectBuilder().add("period", TimeString.format(d.period()));
        if (d.key() != null) {
            out.add("key", d.key());
        }
        if (d.timeout() != null) {
            out.add("timeout", TimeString.format(d.timeout()));
        }
        return out;
    }

    private static JsonObjectBuilder timeouts(Timeouts t) {
        JsonObjectBuilder out = Jsonp.createObjectBuilder();
        if (t.start() != null) {
            out.add("start", TimeString.format(t.start()));
        }
        if (t.finish() != null) {
            out.add("finish", TimeString.format(t.finish()));
        }
        return out;
    }

    private static JsonObjectBuilder singleton(Singleton s) {
        JsonObjectBuilder out = Jsonp.createObjectBuilder();
        if (s.key() != null) {
            out.add("key", s.key());
        }
        return out.add("mode", s.mode().wire());
    }

    private static JsonObjectBuilder cancel(Cancellation c) {
        JsonObjectBuilder out = Jsonp.createObjectBuilder().add("event", c.event());
        if (c.timeout() != null) {
            out.add("timeout", TimeString.format(c.timeout()));
        }
        if (c.condition() != null) {
            out.add("if", c.condition());
        }
        return out;
    }
}
