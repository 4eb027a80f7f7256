package dev.inngest.execution;

import dev.inngest.error.NonRetriableException;
import dev.inngest.error.RetryAfterException;
import dev.inngest.error.StepError;
import dev.inngest.event.Event;
import dev.inngest.event.EventSender;
import dev.inngest.function.Backoff;
import dev.inngest.function.FunctionDefinition;
import dev.inngest.function.FunctionOptions;
import dev.inngest.json.JsonMapper;
import dev.inngest.json.Jsonp;
import dev.inngest.tracing.TraceSpan;
import dev.inngest.tracing.Tracing;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One call of a function: replays it against the memoized steps and decides what to answer.
 *
 * <p>Memoized steps return at once. The first time the code waits for a step that has no result, the call
 * ends with a {@link StepInterrupt}: one new {@code step.run} is executed at once when the protocol allows
 * it (discovery call, immediate execution not disabled, nothing else new); otherwise every new step found
 * is reported ({@code StepPlanned} for run-type steps, {@code Sleep}, {@code WaitForEvent},
 * {@code InvokeFunction} for the rest). A call that targets a step ({@code stepId=<hash>}) runs that step
 * only, where the code reaches it.
 */
public final class Execution {

    /** Retries the server applies when a function does not set any. */
    public static final int DEFAULT_RETRIES = 4;

    private static final Logger LOG = Logger.getLogger(Execution.class.getName());

    private final FunctionDefinition function;
    private final String appId;
    private final ExecutionRequest request;
    private final String targetStepId;
    private final JsonMapper mapper;
    private final EventSender events;
    private final Clock clock;
    private final Tracing tracing;
    private final int memoizedCount;
    private final StepIds ids = new StepIds();
    private final List<PendingStep<?>> found = new ArrayList<>();
    private final StepTools tools;
    private final RunContext context;

    private int memoizedSeen;
    private PendingStep<?> runningStep;
    private ExecutionResult interruptedWith;

    /**
     * @param function the function to call
     * @param appId this app's id, for invoking functions of this app
     * @param request the call's body
     * @param targetStepId the hashed id of the step to run, or null (or {@code "step"}) for discovery
     * @param mapper JSON mapping of user types
     * @param events sends events for {@code step.sendEvent}
     * @param clock the clock step timings are read from
     */
    public Execution(FunctionDefinition function, String appId, ExecutionRequest request, String targetStepId,
            JsonMapper mapper, EventSender events, Clock clock) {
        this(function, appId, request, targetStepId, mapper, events, clock, Tracing.none());
    }

    /**
     * @param function the function to call
     * @param appId this app's id, for invoking functions of this app
     * @param request the call's body
     * @param targetStepId the hashed id of the step to run, or null (or {@code "step"}) for discovery
     * @param mapper JSON mapping of user types
     * @param events sends events for {@code step.sendEvent}
     * @param clock the clock step timings are read from
     * @param tracing opens a span around each step whose code runs
     */
    public Execution(FunctionDefinition function, String appId, ExecutionRequest request, String targetStepId,
            JsonMapper mapper, EventSender events, Clock clock, Tracing tracing) {
        this.function = function;
        this.appId = appId;
        this.request = request;
        this.targetStepId = targetStepId == null || targetStepId.isEmpty() || targetStepId.equals("step")
                ? null : targetStepId;
        this.mapper = mapper;
        this.events = events;
        this.clock = clock;
        this.tracing = tracing;
        int memoized = 0;
        for (JsonValue memo : request.steps().values()) {
            if (!isInputOnly(memo)) {
                memoized++;
            }
        }
        this.memoizedCount = memoized;
        this.tools = new StepTools(this);
        this.context = new RunContext(this);
    }

    /**
     * Runs the function's code once.
     *
     * @return what to answer Inngest
     */
    public ExecutionResult run() {
        Object output;
        JsonValue json;
        try {
            output = function.handler().run(context, tools);
            json = interruptedWith == null ? mapper.toJson(output) : JsonValue.NULL;
        } catch (StepInterrupt interrupt) {
            return interruptedWith;
        } catch (Throwable error) {
            if (interruptedWith != null) {
                return interruptedWith;
            }
            return functionFailed(error);
        }
        if (interruptedWith != null) {
            return interruptedWith;
        }
        if (!found.isEmpty() && targetStepId == null) {
            // steps started but never awaited still run: report them before completing
            return report();
        }
        if (targetStepId != null) {
            return stepNotFound();
        }
        return ExecutionResult.completed(json);
    }

    // ---- what user code calls through StepTools ----

    <T> PendingStep<T> step(StepKind kind, String id, String name, JsonObject opts, Callable<JsonValue> body,
            Function<JsonValue, T> decode) {
        if (runningStep != null) {
            throw new IllegalStateException("step \"" + id + "\" is called inside the code of another step; "
                    + "steps cannot be nested: call it from the function body instead");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a step needs an id, such as \"charge-card\"");
        }
        StepIds.Hashed hashed = ids.next(id);
        PendingStep<T> step = new PendingStep<>(this, kind, id, hashed, name == null ? id : name, opts, body, decode);
        JsonValue memo = request.steps().get(hashed.hash());
        if (request.steps().containsKey(hashed.hash()) && !isInputOnly(memo)) {
            memoizedSeen++;
            Memo.apply(step, memo);
            return step;
        }
        if (targetStepId != null && targetStepId.equals(hashed.hash()) && kind.isRunType()) {
            interrupt(execute(step));
        }
        found.add(step);
        return step;
    }

    void await(Collection<? extends PendingStep<?>> steps) {
        boolean done = true;
        for (PendingStep<?> step : steps) {
            done &= step.isDone();
        }
        if (done) {
            return;
        }
        if (targetStepId != null) {
            interrupt(stepNotFound());
        }
        interrupt(report());
    }

    // ---- answers ----

    private ExecutionResult report() {
        if (isReplaying()) {
            LOG.log(Level.WARNING, "INNGEST-E001 function {0}, run {1}: new steps were found before every "
                    + "memoized step was used again; the function may not be deterministic (step ids must not "
                    + "depend on time, randomness or external state)", new Object[] {function.id(), request.runId()});
        }
        if (found.size() == 1 && found.get(0).kind().isRunType() && !request.disableImmediateExecution()) {
            return execute(found.get(0));
        }
        JsonArrayBuilder ops = Jsonp.createArrayBuilder();
        for (PendingStep<?> step : found) {
            ops.add(Op.found(step));
        }
        return new ExecutionResult(206, ops.build(), null, null);
    }

    private ExecutionResult execute(PendingStep<?> step) {
        long startNanos = clock.millis() * 1_000_000L;
        long t0 = System.nanoTime();
        JsonValue data;
        runningStep = step;
        try (TraceSpan span = tracing.child(Tracing.SPAN_STEP)) {
            span.set(Tracing.FUNCTION_ID, function.id()).set(Tracing.RUN_ID, request.runId())
                    .set(Tracing.ATTEMPT, request.attempt()).set(Tracing.STEP_ID, step.id())
                    .set(Tracing.OP, Op.STEP_RUN);
            try {
                data = step.body().call();
            } catch (Throwable error) {
                span.fail(error);
                return stepFailed(step, error, new Op.Timing(startNanos, System.nanoTime() - t0));
            }
        } finally {
            runningStep = null;
        }
        Op.Timing timing = new Op.Timing(startNanos, System.nanoTime() - t0);
        return new ExecutionResult(206, Jsonp.createArrayBuilder().add(Op.ran(step, data, timing)).build(), null, null);
    }

    private ExecutionResult stepFailed(PendingStep<?> step, Throwable error, Op.Timing timing) {
        JsonObject serialized = ErrorSerializer.serialize(error);
        if (isFinal(error)) {
            LOG.log(Level.WARNING, error, () -> "INNGEST-E004 function " + function.id() + ", run " + request.runId()
                    + ": step \"" + step.id() + "\" failed for good on attempt " + (request.attempt() + 1) + " of "
                    + maxAttempts() + ": " + describe(error));
            return new ExecutionResult(206, Jsonp.createArrayBuilder().add(Op.failed(step, serialized, timing)).build(),
                    true, null);
        }
        LOG.info(() -> "INNGEST-E003 function " + function.id() + ", run " + request.runId()
                + ": step \"" + step.id() + "\" failed on attempt " + (request.attempt() + 1) + " of " + maxAttempts()
                + "; Inngest retries it: " + describe(error));
        return new ExecutionResult(206, Jsonp.createArrayBuilder().add(Op.errored(step, serialized, timing)).build(),
                false, retryAfter(error));
    }

    private ExecutionResult functionFailed(Throwable error) {
        JsonObject serialized = ErrorSerializer.serialize(error);
        if (error instanceof StepError || isFinal(error)) {
            LOG.log(Level.WARNING, error, () -> "INNGEST-E006 function " + function.id() + ", run " + request.runId()
                    + " failed for good on attempt " + (request.attempt() + 1) + ": " + describe(error));
            return new ExecutionResult(400, serialized, true, null);
        }
        LOG.info(() -> "INNGEST-E005 function " + function.id() + ", run " + request.runId()
                + " failed on attempt " + (request.attempt() + 1) + " of " + maxAttempts() + "; Inngest retries it: "
                + describe(error));
        return new ExecutionResult(500, serialized, false, retryAfter(error));
    }

    private ExecutionResult stepNotFound() {
        JsonArrayBuilder foundSteps = Jsonp.createArrayBuilder();
        found.forEach(s -> foundSteps.add(Jsonp.createObjectBuilder()
                .add("id", s.hash()).add("name", s.name()).add("displayName", s.id())));
        JsonObject body = Jsonp.createObjectBuilder()
                .add("error", "Could not find step \"" + targetStepId + "\" to run; the function did not reach it. "
                        + "Step ids must be the same on every call.")
                .add("requestedStep", targetStepId)
                .add("foundSteps", foundSteps)
                .add("totalFoundSteps", found.size())
                .build();
        return new ExecutionResult(500, body, false, null);
    }

    private boolean isFinal(Throwable error) {
        return error instanceof NonRetriableException || request.attempt() >= maxAttempts() - 1;
    }

    private String retryAfter(Throwable error) {
        if (error instanceof RetryAfterException) {
            return ((RetryAfterException) error).retryAfterHeader();
        }
        Backoff backoff = function.options().backoff();
        return backoff == null ? null : Long.toString(backoff.delayAfter(request.attempt()).getSeconds());
    }

    private void interrupt(ExecutionResult result) {
        interruptedWith = result;
        throw new StepInterrupt();
    }

    private static String describe(Throwable error) {
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : " " + error.getMessage());
    }

    private static boolean isInputOnly(JsonValue memo) {
        return memo instanceof JsonObject && ((JsonObject) memo).size() == 1 && ((JsonObject) memo).containsKey("input");
    }

    // ---- what the context and tools read ----

    int maxAttempts() {
        if (request.maxAttempts() != null) {
            return request.maxAttempts();
        }
        FunctionOptions o = function.options();
        return (o.retries() == null ? DEFAULT_RETRIES : o.retries()) + 1;
    }

    /**
     * Memoized steps are consumed as the code reaches them; until the last one is reached, the code is
     * re-running what an earlier call already ran.
     *
     * @return true while the code is going through steps that already have results
     */
    public boolean isReplaying() {
        return memoizedSeen < memoizedCount;
    }

    /**
     * Whether code running now runs for the first time: inside a step's code always; outside, once every
     * memoized step has been reached again, except on a call that targets one planned step (the code around
     * it already ran on the call that planned it).
     *
     * @return true when code running now runs for real, not as a replay
     */
    boolean runsForReal() {
        return runningStep != null || (!isReplaying() && targetStepId == null);
    }

    /** @return the id (as given in code) of the step whose code is running, or null */
    String runningStepId() {
        PendingStep<?> step = runningStep;
        return step == null ? null : step.id();
    }

    ExecutionRequest request() {
        return request;
    }

    FunctionDefinition function() {
        return function;
    }

    String appId() {
        return appId;
    }

    JsonMapper mapper() {
        return mapper;
    }

    List<String> send(List<Event> batch) throws Exception {
        return events.send(batch);
    }

    StepTools tools() {
        return tools;
    }
}
