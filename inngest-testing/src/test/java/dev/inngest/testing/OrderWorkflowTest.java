package dev.inngest.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.event.Event;
import dev.inngest.executor.Run;
import dev.inngest.executor.RunStatus;
import dev.inngest.function.FunctionDefinition;
import dev.inngest.function.FunctionHandler;
import dev.inngest.function.FunctionOptions;
import dev.inngest.step.WaitForEvent;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A sleep, a wait for a payment and a timeout, on the virtual clock: what a user's unit test looks like. */
class OrderWorkflowTest {

    public record Order(String orderId, String userId, int amount) {
    }

    public record Result(String status, String orderId) {
    }

    private final AtomicInteger validations = new AtomicInteger();

    private FunctionDefinition processOrder() {
        FunctionHandler handler = (ctx, step) -> {
            Order order = ctx.event().data(Order.class);
            step.run("validate-order", Order.class, () -> {
                validations.incrementAndGet();
                return order;
            });
            step.sleep("wait-for-processing", Duration.ofMinutes(5));
            Optional<Event> paid = step.waitForEvent("wait-for-payment", WaitForEvent.event("stripe/payment.succeeded")
                    .timeout("1h").condition("async.data.orderId == event.data.orderId"));
            if (paid.isEmpty()) {
                step.run("handle-timeout", () -> { });
                return new Result("cancelled", order.orderId());
            }
            return new Result("completed", order.orderId());
        };
        return new FunctionDefinition(FunctionOptions.builder("process-order").triggerEvent("shop/order.created").build(),
                handler);
    }

    @Test
    void aPaidOrderCompletesAfterTheSleepAndThePayment() {
        InngestTestEngine engine = InngestTestEngine.of("shop", processOrder());
        Run run = engine.trigger(Event.of("shop/order.created", new Order("o-1", "u-1", 42)));
        assertEquals(RunStatus.RUNNING, engine.run(run.id()).status());
        assertEquals("completed", run(engine, run).step("validate-order").orElseThrow().status());

        engine.advance(Duration.ofMinutes(4));
        assertEquals("waiting", run(engine, run).step("wait-for-processing").orElseThrow().status());
        engine.advance(Duration.ofMinutes(1));
        assertEquals("waiting", run(engine, run).step("wait-for-payment").orElseThrow().status());

        engine.send(Event.of("stripe/payment.succeeded", Map.of("orderId", "other")));
        assertEquals(RunStatus.RUNNING, run(engine, run).status());
        engine.send(Event.of("stripe/payment.succeeded", Map.of("orderId", "o-1")));

        Run done = run(engine, run);
        assertEquals(RunStatus.COMPLETED, done.status());
        assertEquals(new Result("completed", "o-1"), done.output(Result.class));
        assertEquals(1, validations.get());
    }

    @Test
    void anUnpaidOrderIsCancelledWhenTheWaitTimesOut() {
        InngestTestEngine engine = InngestTestEngine.of("shop", processOrder());
        Run run = engine.trigger(Event.of("shop/order.created", new Order("o-2", "u-1", 42)));
        engine.runToCompletion(Duration.ofDays(1));
        Run done = run(engine, run);
        assertEquals(RunStatus.COMPLETED, done.status());
        assertEquals(new Result("cancelled", "o-2"), done.output(Result.class));
        assertEquals("timed out", done.step("wait-for-payment").orElseThrow().status());
        assertEquals("completed", done.step("handle-timeout").orElseThrow().status());
        assertTrue(Duration.between(done.startedAt(), done.endedAt()).compareTo(Duration.ofMinutes(65)) >= 0);
    }

    @Test
    void aMockedStepNeverRuns() {
        InngestTestEngine engine = InngestTestEngine.of("shop", processOrder())
                .mockStep("validate-order", new Order("o-3", "u-1", 1));
        Run run = engine.trigger(Event.of("shop/order.created", new Order("o-3", "u-1", 1)));
        engine.runToCompletion(Duration.ofDays(1));
        assertEquals(0, validations.get());
        assertEquals(RunStatus.COMPLETED, run(engine, run).status());
    }

    private static Run run(InngestTestEngine engine, Run run) {
        return engine.run(run.id());
    }
}
