package dev.inngest.protocol;

import dev.inngest.function.Backoff;
import dev.inngest.function.Batching;
import dev.inngest.function.Cancellation;
import dev.inngest.function.Concurrency;
import dev.inngest.function.Debounce;
import dev.inngest.function.FunctionOptions;
import dev.inngest.function.RateLimit;
import dev.inngest.function.Singleton;
import dev.inngest.function.Throttle;
import dev.inngest.function.Timeouts;
import dev.inngest.function.Trigger;
import dev.inngest.signature.RequestSigner;
import dev.inngest.signature.SigningKey;
import dev.inngest.testkit.Harness;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The app of TS capture 01 (functions {@code all-options} with its failure function, {@code conc-number},
 * {@code conc-object}), plus {@code batched} (our SDK refuses batching together with debounce, which TS put in
 * {@code all-options}) and {@code plain}, a function with no options at all.
 */
final class RegistrationApp {

    /** Functions registered, failure function included. */
    static final int FUNCTION_COUNT = 6;

    private RegistrationApp() {
    }

    static Harness install(Harness app) {
        app.inngest.createFunction(FunctionOptions.builder("all-options")
                .name("All Options")
                .triggerEvent("test/all")
                .triggerEvent("test/all.if", "event.data.x > 1")
                .triggerCron("0 0 * * *")
                .trigger(Trigger.cron("TZ=Europe/Paris 0 9 * * *"))
                .retries(2)
                .backoff(Backoff.exponential("10s", 2.0, "10m"))
                .idempotency("event.data.id")
                .rateLimit(RateLimit.of(1, "1h").key("event.data.user"))
                .throttle(Throttle.of(10, "1m").key("event.data.user").burst(2))
                .concurrency(Concurrency.limit(5).key("event.data.user").scope(Concurrency.Scope.ENV))
                .concurrency(Concurrency.limit(10).key("event.data.org").scope(Concurrency.Scope.ACCOUNT))
                .debounce(Debounce.of("5s").key("event.data.user").timeout("1m"))
                .priority("event.data.prio")
                .timeouts(Timeouts.start("10m").finish("1h"))
                .singleton(Singleton.skip().key("event.data.user"))
                .cancelOn(Cancellation.onEvent("test/cancel").match("data.id"))
                .cancelOn(Cancellation.onEvent("test/cancel.if").condition("event.data.id == async.data.id").timeout("24h"))
                .onFailure((ctx, step) -> "handled")
                .build(), (ctx, step) -> "ok");
        app.inngest.createFunction(FunctionOptions.builder("batched")
                .name("Batched")
                .triggerEvent("test/batch")
                .batchEvents(Batching.of(100, "5s").key("event.data.user").condition("event.data.x > 0"))
                .build(), (ctx, step) -> ctx.events().size());
        app.inngest.createFunction(FunctionOptions.builder("conc-number")
                .triggerCron("*/5 * * * *")
                .concurrency(3)
                .singleton(Singleton.cancel())
                .build(), (ctx, step) -> null);
        app.inngest.createFunction(FunctionOptions.builder("conc-object")
                .name("Conc Object")
                .triggerEvent("test/co")
                .concurrency(Concurrency.limit(2).scope(Concurrency.Scope.FN))
                .build(), (ctx, step) -> null);
        app.inngest.createFunction(FunctionOptions.builder("plain").triggerEvent("test/plain").build(),
                (ctx, step) -> null);
        return app;
    }

    /** @return request headers with a signature over the body made with the key at the harness's time */
    static Map<String, String> signed(String key, String body, Instant at, Map<String, String> headers) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("X-Inngest-Signature", RequestSigner.sign(body.getBytes(StandardCharsets.UTF_8), SigningKey.of(key), at));
        return h;
    }

    static Map<String, String> signed(String body, Map<String, String> headers) {
        return signed(Harness.SIGNING_KEY, body, Harness.NOW, headers);
    }
}
