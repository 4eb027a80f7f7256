package dev.inngest.testing;

import dev.inngest.Inngest;
import dev.inngest.InngestConfig;
import dev.inngest.api.InngestApi;
import dev.inngest.event.Event;
import dev.inngest.executor.InProcessDriver;
import dev.inngest.executor.LocalExecutor;
import dev.inngest.executor.Run;
import dev.inngest.executor.RunStatus;
import dev.inngest.executor.VirtualClock;
import dev.inngest.execution.StepIds;
import dev.inngest.function.FunctionDefinition;
import dev.inngest.json.JsonMapper;
import dev.inngest.protocol.AppFunctions;
import dev.inngest.protocol.FunctionConfigs;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs your functions in-process, with no server, on a virtual clock: for plain JUnit tests.
 *
 * <pre>{@code
 * InngestTestEngine engine = InngestTestEngine.of("shop", orderFunctions.processOrder());
 * Run run = engine.trigger(Event.of("shop/order.created", new Order("o-1", "u-1", 42)));
 * engine.advance(Duration.ofMinutes(5));                       // the sleep passes
 * engine.send(Event.of("stripe/payment.succeeded", Map.of("orderId", "o-1")));
 * assertEquals(RunStatus.COMPLETED, engine.run(run.id()).status());
 * }</pre>
 *
 * <p>Calls go through the real protocol engine exactly as Inngest would make them; events sent by the
 * functions ({@code step.sendEvent}) come back into this engine, so fan-out and invocations work.
 */
public final class InngestTestEngine {

    private final LocalExecutor executor;
    private final VirtualClock clock;
    private final Inngest app;
    private final Map<String, JsonObject> mocks = new java.util.LinkedHashMap<>();

    private InngestTestEngine(String appId, List<FunctionDefinition> functions, Instant start) {
        this.clock = new VirtualClock(start);
        this.executor = new LocalExecutor(clock, null, Duration.ofSeconds(1));
        this.app = Inngest.builder(InngestConfig.builder(appId).dev(true).build())
                .clock(clock)
                .api(InngestApi.unavailable())
                .events(events -> executor.send(events.stream().map(Event::toJson).toList()))
                .build();
        functions.forEach(app::addFunction);
        JsonObject registration = Json.createObjectBuilder()
                .add("appName", appId)
                .add("url", "http://in-process/api/inngest")
                .add("functions", FunctionConfigs.of(new AppFunctions(appId, functions), "http://in-process/api/inngest"))
                .build();
        executor.register(registration, new MockingDriver(new InProcessDriver(app.handler()), mocks));
    }

    /**
     * @param appId the app id the functions belong to
     * @param functions the functions under test (and any they invoke)
     * @return an engine at the current time
     */
    public static InngestTestEngine of(String appId, FunctionDefinition... functions) {
        return new InngestTestEngine(appId, List.of(functions), Instant.ofEpochSecond(Instant.now().getEpochSecond()));
    }

    /**
     * @param inngest an app's client: its functions are served by the engine
     * @return an engine at the current time
     */
    public static InngestTestEngine of(Inngest inngest) {
        return new InngestTestEngine(inngest.config().appId(), inngest.functions(),
                Instant.ofEpochSecond(Instant.now().getEpochSecond()));
    }

    /**
     * Replaces a step's code with a result, in every run: the step is never executed.
     *
     * @param stepId the step id given in code (its first use in a run)
     * @param result the result the step returns
     * @return this engine
     */
    public InngestTestEngine mockStep(String stepId, Object result) {
        mocks.put(hash(stepId), Json.createObjectBuilder().add("data", JsonMapper.defaults().toJson(result)).build());
        return this;
    }

    /**
     * Makes a step fail for good, as if its retries were exhausted.
     *
     * @param stepId the step id given in code
     * @param errorName the error's name
     * @param message the error's message
     * @return this engine
     */
    public InngestTestEngine mockStepError(String stepId, String errorName, String message) {
        mocks.put(hash(stepId), Json.createObjectBuilder().add("error",
                Json.createObjectBuilder().add("name", errorName).add("message", message)).build());
        return this;
    }

    /**
     * Sends an event, runs until nothing more is due now, and returns the first run it started.
     *
     * @param event the trigger event
     * @return the run
     * @throws AssertionError if the event triggered no function
     */
    public Run trigger(Event event) {
        int before = executor.runs().size();
        send(event);
        List<Run> runs = executor.runs();
        if (runs.size() == before) {
            throw new AssertionError("event " + event.name() + " triggered no function; registered: "
                    + executor.functionIds());
        }
        return runs.get(before);
    }

    /**
     * Sends events (for example the one a {@code waitForEvent} waits for) and runs until idle.
     *
     * @param events the events
     * @return their ids
     */
    public List<String> send(Event... events) {
        List<JsonObject> json = new ArrayList<>();
        for (Event e : events) {
            json.add(e.toJson());
        }
        List<String> ids = executor.send(json);
        executor.runUntilIdle();
        return ids;
    }

    /**
     * Moves the virtual clock forward: sleeps end, waits time out, retries happen.
     *
     * @param by how far
     */
    public void advance(Duration by) {
        executor.advance(by);
    }

    /**
     * Moves the clock from due time to due time until every run has finished.
     *
     * @param limit the most virtual time to let pass
     * @throws AssertionError if some run is still going after the limit
     */
    public void runToCompletion(Duration limit) {
        if (!executor.drain(limit)) {
            throw new AssertionError("runs still going after " + limit + ": " + executor.runs().stream()
                    .filter(r -> r.status() == RunStatus.RUNNING).map(Run::id).toList());
        }
    }

    /**
     * @param runId a run id
     * @return the run now
     */
    public Run run(String runId) {
        return executor.run(runId);
    }

    /** @return every run, oldest first */
    public List<Run> runs() {
        return executor.runs();
    }

    /**
     * @param functionId a function id as given in code
     * @return its runs
     */
    public List<Run> runs(String functionId) {
        return executor.runs(app.config().appId() + "-" + functionId);
    }

    /** @return the executor underneath, for what this API does not cover */
    public LocalExecutor executor() {
        return executor;
    }

    /** @return the virtual clock */
    public VirtualClock clock() {
        return clock;
    }

    private static String hash(String stepId) {
        return new StepIds().hash(stepId);
    }
}
