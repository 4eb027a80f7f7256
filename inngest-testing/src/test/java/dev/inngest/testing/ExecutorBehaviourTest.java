package dev.inngest.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.error.NonRetriableException;
import dev.inngest.error.StepError;
import dev.inngest.event.Event;
import dev.inngest.executor.Run;
import dev.inngest.executor.RunStatus;
import dev.inngest.executor.StepRecord;
import dev.inngest.function.Cancellation;
import dev.inngest.function.FunctionDefinition;
import dev.inngest.function.FunctionHandler;
import dev.inngest.function.FunctionOptions;
import dev.inngest.step.Invoke;
import dev.inngest.step.StepFuture;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The server's behaviours the executor plays: retries, failure handlers, cancellation, invoke, parallel, cron, fan-out. */
class ExecutorBehaviourTest {

    private static FunctionDefinition fn(FunctionOptions.Builder options, FunctionHandler handler) {
        return new FunctionDefinition(options.build(), handler);
    }

    @Test
    void aFailingStepIsRetriedThenFailsForGoodAndTheFailureHandlerRuns() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger failureRuns = new AtomicInteger();
        FunctionDefinition charge = fn(FunctionOptions.builder("charge").triggerEvent("shop/charge").retries(2)
                .onFailure((ctx, step) -> {
                    failureRuns.incrementAndGet();
                    JsonObject data = ctx.event().data();
                    return data.getString("function_id") + ": " + data.getJsonObject("error").getString("message");
                }), (ctx, step) -> step.run("call-bank", String.class, () -> {
                    attempts.incrementAndGet();
                    throw new IOException("bank unreachable");
                }));
        InngestTestEngine engine = InngestTestEngine.of("shop", charge);
        Run run = engine.trigger(Event.of("shop/charge", Map.of()));
        engine.runToCompletion(Duration.ofHours(1));

        Run failed = engine.run(run.id());
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals(3, attempts.get());
        List<StepRecord> history = failed.stepHistory("call-bank");
        assertEquals(List.of("errored", "errored", "failed"), history.stream().map(StepRecord::status).toList());
        assertEquals("bank unreachable", failed.error().getString("message"));

        Run failure = engine.runs("charge-failure").get(0);
        assertEquals(RunStatus.COMPLETED, failure.status());
        assertEquals("shop-charge: bank unreachable", failure.output(String.class));
        assertEquals(1, failureRuns.get());
    }

    @Test
    void nonRetriableFailsAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        InngestTestEngine engine = InngestTestEngine.of("shop", fn(FunctionOptions.builder("f").triggerEvent("e/go"),
                (ctx, step) -> {
                    attempts.incrementAndGet();
                    throw new NonRetriableException("no");
                }));
        Run run = engine.trigger(Event.of("e/go", Map.of()));
        engine.runToCompletion(Duration.ofHours(1));
        assertEquals(RunStatus.FAILED, engine.run(run.id()).status());
        assertEquals(1, attempts.get());
    }

    @Test
    void aCancellationEventStopsTheRun() {
        InngestTestEngine engine = InngestTestEngine.of("shop", fn(FunctionOptions.builder("remind")
                .triggerEvent("shop/cart.abandoned")
                .cancelOn(Cancellation.onEvent("shop/order.created").match("data.cartId")), (ctx, step) -> {
                    step.sleep("wait-a-day", "1d");
                    step.run("send-reminder", () -> { });
                    return "reminded";
                }));
        Run run = engine.trigger(Event.of("shop/cart.abandoned", Map.of("cartId", "c1")));
        engine.send(Event.of("shop/order.created", Map.of("cartId", "other")));
        assertEquals(RunStatus.RUNNING, engine.run(run.id()).status());
        engine.send(Event.of("shop/order.created", Map.of("cartId", "c1")));
        assertEquals(RunStatus.CANCELLED, engine.run(run.id()).status());
        engine.advance(Duration.ofDays(2));
        assertTrue(engine.run(run.id()).step("send-reminder").isEmpty());
    }

    @Test
    void invokeReturnsTheChildsResultAndSurfacesItsFailure() {
        FunctionDefinition tax = fn(FunctionOptions.builder("compute-tax").triggerEvent("shop/tax.requested"),
                (ctx, step) -> {
                    int amount = ctx.event().data().getInt("amount");
                    if (amount < 0) {
                        throw new NonRetriableException("negative amount");
                    }
                    return amount / 10;
                });
        FunctionDefinition checkout = fn(FunctionOptions.builder("checkout").triggerEvent("shop/checkout"), (ctx, step) -> {
            int amount = ctx.event().data().getInt("amount");
            try {
                return "tax " + step.invoke("tax", Invoke.function("compute-tax").data(Map.of("amount", amount)), Integer.class);
            } catch (StepError e) {
                return "failed: " + e.getMessage();
            }
        });
        InngestTestEngine engine = InngestTestEngine.of("shop", tax, checkout);
        Run ok = engine.trigger(Event.of("shop/checkout", Map.of("amount", 420)));
        engine.runToCompletion(Duration.ofHours(1));
        assertEquals("tax 42", engine.run(ok.id()).output(String.class));

        Run bad = engine.trigger(Event.of("shop/checkout", Map.of("amount", -1)));
        engine.runToCompletion(Duration.ofHours(1));
        assertEquals("failed: negative amount", engine.run(bad.id()).output(String.class));
        assertEquals("inngest/function.invoked", engine.runs("compute-tax").get(0).event().getString("name"));
    }

    @Test
    void anInvokeThatTimesOutThrowsAStepError() {
        FunctionDefinition slow = fn(FunctionOptions.builder("slow").triggerEvent("x/slow"), (ctx, step) -> {
            step.sleep("long", "2h");
            return "late";
        });
        FunctionDefinition caller = fn(FunctionOptions.builder("caller").triggerEvent("x/call"), (ctx, step) -> {
            try {
                return step.invoke("call-slow", Invoke.function("slow").timeout("1h"), String.class);
            } catch (StepError e) {
                return e.name();
            }
        });
        InngestTestEngine engine = InngestTestEngine.of("app", slow, caller);
        Run run = engine.trigger(Event.of("x/call", Map.of()));
        engine.runToCompletion(Duration.ofHours(3));
        assertEquals("InngestInvokeTimeoutError", engine.run(run.id()).output(String.class));
    }

    @Test
    void parallelStepsArePlannedRunOneByOneAndJoined() {
        AtomicInteger calls = new AtomicInteger();
        InngestTestEngine engine = InngestTestEngine.of("app", fn(FunctionOptions.builder("quotes").triggerEvent("x/quote"),
                (ctx, step) -> {
                    calls.incrementAndGet();
                    StepFuture<Integer> a = step.runAsync("supplier-a", Integer.class, () -> 30);
                    StepFuture<Integer> b = step.runAsync("supplier-b", Integer.class, () -> 20);
                    step.all(a, b);
                    return Math.min(a.get(), b.get());
                }));
        Run run = engine.trigger(Event.of("x/quote", Map.of()));
        Run done = engine.run(run.id());
        assertEquals(RunStatus.COMPLETED, done.status());
        assertEquals(20, done.output(Integer.class));
        assertEquals(4, done.calls());
    }

    @Test
    void sendEventFansOutToOtherFunctions() {
        FunctionDefinition producer = fn(FunctionOptions.builder("signup").triggerEvent("app/user.created"),
                (ctx, step) -> step.sendEvent("welcome", Event.of("app/email.requested", Map.of("to", "a@example.com"))));
        FunctionDefinition consumer = fn(FunctionOptions.builder("email").triggerEvent("app/email.requested"),
                (ctx, step) -> "sent to " + ctx.event().data().getString("to"));
        InngestTestEngine engine = InngestTestEngine.of("app", producer, consumer);
        engine.trigger(Event.of("app/user.created", Map.of()));
        Run email = engine.runs("email").get(0);
        assertEquals("sent to a@example.com", email.output(String.class));
    }

    @Test
    void cronFunctionsRunOnTheirScheduleAndOnDemand() {
        InngestTestEngine engine = InngestTestEngine.of("app", fn(FunctionOptions.builder("cleanup").triggerCron("0 0 * * *"),
                (ctx, step) -> ctx.event().name()));
        engine.executor().fireCron("app-cleanup");
        engine.executor().runUntilIdle();
        assertEquals(1, engine.runs("cleanup").size());
        engine.advance(Duration.ofDays(2));
        List<Run> runs = engine.runs("cleanup");
        assertEquals(3, runs.size());
        assertEquals("inngest/scheduled.timer", runs.get(2).output(String.class));
    }

    @Test
    void anEventIdIsAnIdempotencyKey() {
        InngestTestEngine engine = InngestTestEngine.of("app", fn(FunctionOptions.builder("once").triggerEvent("x/once"),
                (ctx, step) -> "ran"));
        engine.send(Event.builder("x/once").id("same").build());
        engine.send(Event.builder("x/once").id("same").build());
        assertEquals(1, engine.runs("once").size());
    }

    @Test
    void triggerExpressionsFilterEvents() {
        InngestTestEngine engine = InngestTestEngine.of("app", fn(FunctionOptions.builder("big")
                .triggerEvent("shop/order.created", "event.data.amount > 100 && event.data.currency == 'EUR'"),
                (ctx, step) -> "big"));
        engine.send(Event.of("shop/order.created", Map.of("amount", 50, "currency", "EUR")),
                Event.of("shop/order.created", Map.of("amount", 500, "currency", "USD")),
                Event.of("shop/order.created", Map.of("amount", 500, "currency", "EUR")));
        assertEquals(1, engine.runs("big").size());
    }
}
