package dev.inngest.cdi;

import dev.inngest.function.FunctionContext;
import dev.inngest.function.Singleton;
import dev.inngest.step.Step;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A bean with two functions, for the extension tests. */
@ApplicationScoped
public class HelloFunctions {

    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    /** Event data. */
    public record Greeting(String name) {
    }

    @InngestFunction(id = "hello", name = "Say hello")
    @OnEvent("demo/hello")
    @OnEvent(value = "demo/hi", expression = "event.data.name != ''")
    @Concurrency(limit = 2, key = "event.data.name")
    @Concurrency(limit = 10, key = "event.data.team", scope = dev.inngest.function.Concurrency.Scope.ENV)
    @RateLimit(limit = 5, period = "1h", key = "event.data.name")
    @Throttle(limit = 10, period = "1m", burst = 2)
    @CancelOn(event = "demo/cancel", match = "data.name", timeout = "1d")
    @Retries(value = 3, backoffInterval = "10s", backoffMaxInterval = "10m")
    @Idempotency("event.data.name")
    @RunPriority("120")
    @Timeouts(finish = "1h")
    @SingletonRun(key = "event.data.name", mode = Singleton.Mode.CANCEL)
    @OnFailure("helloFailed")
    public String hello(Step step, Greeting greeting, FunctionContext ctx) {
        CALLS.add("hello " + greeting.name() + " " + ctx.runId());
        return step.run("greet", String.class, () -> "Hello " + greeting.name());
    }

    void helloFailed(FunctionContext ctx) {
        CALLS.add("failed");
    }

    @InngestFunction(id = "nightly")
    @OnCron("0 0 * * *")
    @BatchEvents(maxSize = 10, timeout = "5s")
    String nightly() {
        CALLS.add("nightly");
        return "done";
    }
}
