package dev.inngest.executor;

import dev.inngest.json.JsonMapper;
import dev.inngest.signature.RequestSigner;
import dev.inngest.signature.SigningKey;
import dev.inngest.time.TimeString;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A local stand-in for the Inngest server, for development and tests (production runs on Inngest). It
 * takes events, starts the runs their triggers match, calls the app the way the server does (request
 * version 2, memoized steps in completion order, signed bodies when a signing key is set) and acts on
 * every op: steps, parallel plans with targeted calls, sleeps, waits for events, invocations, retries,
 * failure handlers and cancellations.
 *
 * <p>Work happens when asked: {@link #runUntilIdle()} does everything due now; {@link #advance(Duration)}
 * moves a {@link VirtualClock} and does what falls due on the way; {@link #drain(Duration)} moves it from
 * due time to due time until every run has finished. Flow control (concurrency, throttling, rate limits,
 * debounce, batching, priority) is not emulated: every matching event starts a run at once.
 */
public final class LocalExecutor {

    private static final Logger LOG = Logger.getLogger(LocalExecutor.class.getName());
    private static final int MAX_JOBS_PER_DRAIN = 100_000;

    /** Something that happened to a run, for timelines. */
    public interface Listener {
        /**
         * @param run the run after the step
         * @param step the step record just added
         */
        default void onStep(Run run, StepRecord step) {
        }

        /**
         * @param run the run, just finished
         */
        default void onFinished(Run run) {
        }
    }

    private enum Kind { CALL, WAKE, WAIT_TIMEOUT, INVOKE_TIMEOUT, CRON }

    private record Job(Instant due, long seq, Kind kind, String runId, String stepId, int attempt) {
    }

    private record Waiter(String runId, String hash, String event, Expression condition) {
    }

    private final Clock clock;
    private final SigningKey signingKey;
    private final Duration retryBase;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, FunctionRecord> functions = new LinkedHashMap<>();
    private final Map<String, RunState> runs = new LinkedHashMap<>();
    private final PriorityQueue<Job> queue = new PriorityQueue<>((a, b) -> a.due().equals(b.due())
            ? Long.compare(a.seq(), b.seq()) : a.due().compareTo(b.due()));
    private final List<Waiter> waiters = new ArrayList<>();
    private final Map<String, Instant> seenEventIds = new LinkedHashMap<>();
    private final List<JsonObject> eventLog = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    /**
     * @param clock the executor's time: a {@link VirtualClock} in tests
     * @param signingKey the key to sign calls with (as the server does), or null for dev mode
     * @param retryBase the first retry delay when the app gives none; doubled per attempt
     */
    public LocalExecutor(Clock clock, String signingKey, Duration retryBase) {
        this.clock = clock;
        this.signingKey = signingKey == null || signingKey.isBlank() ? null : SigningKey.of(signingKey);
        this.retryBase = retryBase;
    }

    /** @return an executor on a virtual clock, unsigned, with one-second base retry delay */
    public static LocalExecutor virtual() {
        return new LocalExecutor(VirtualClock.startingNow(), null, Duration.ofSeconds(1));
    }

    /** @param listener told about every step and every finished run */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** @return the executor's clock */
    public Clock clock() {
        return clock;
    }

    // ---- apps ----

    /**
     * Registers an app's functions, as {@code POST /fn/register} does.
     *
     * @param registration the registration body ({@code appName}, {@code functions})
     * @param driver how to reach the app
     * @return the composite ids registered
     */
    public List<String> register(JsonObject registration, CallDriver driver) {
        String appId = registration.getString("appName");
        List<String> registered = new ArrayList<>();
        synchronized (lock) {
            functions.values().removeIf(f -> f.appId().equals(appId));
            queue.removeIf(j -> j.kind() == Kind.CRON && j.stepId().startsWith(appId + "-"));
            for (JsonValue v : registration.getJsonArray("functions")) {
                FunctionRecord fn = FunctionRecord.of(appId, (JsonObject) v, driver);
                functions.put(fn.compositeId(), fn);
                registered.add(fn.compositeId());
                for (String cron : fn.crons()) {
                    scheduleCron(fn.compositeId(), cron);
                }
            }
        }
        LOG.fine(() -> "INNGEST-X001 registered app " + appId + ": " + registered);
        return registered;
    }

    /** @return the composite ids of every registered function */
    public List<String> functionIds() {
        synchronized (lock) {
            return List.copyOf(functions.keySet());
        }
    }

    // ---- events ----

    /**
     * Takes events as the event API does: gives them ids and timestamps, cancels the runs they cancel,
     * resolves the waits they match, and starts the runs they trigger.
     *
     * @param events event objects ({@code name}, {@code data}, optional {@code id}, {@code ts}, {@code user})
     * @return the event ids, in order
     */
    public List<String> send(List<JsonObject> events) {
        List<String> out = new ArrayList<>();
        synchronized (lock) {
            for (JsonObject e : events) {
                out.add(ingest(e));
            }
        }
        return out;
    }

    /**
     * @param name event name
     * @param data event data
     * @return the event id
     */
    public String send(String name, JsonObject data) {
        return send(List.of(Json.createObjectBuilder().add("name", name).add("data", data).build())).get(0);
    }

    /** @return every event received or emitted, oldest first */
    public List<JsonObject> events() {
        synchronized (lock) {
            return List.copyOf(eventLog);
        }
    }

    private String ingest(JsonObject raw) {
        if (!(raw.get("name") instanceof JsonString)) {
            throw new IllegalArgumentException("an event needs a name");
        }
        Instant now = clock.instant();
        String id = raw.get("id") instanceof JsonString ? raw.getString("id") : newId();
        boolean duplicate = raw.get("id") instanceof JsonString && seenEventIds.containsKey(id)
                && seenEventIds.get(id).plus(Duration.ofHours(24)).isAfter(now);
        JsonObjectBuilder b = Json.createObjectBuilder(raw).add("id", id);
        if (!(raw.get("data") instanceof JsonObject)) {
            b.add("data", JsonValue.EMPTY_JSON_OBJECT);
        }
        if (!raw.containsKey("ts")) {
            b.add("ts", now.toEpochMilli());
        }
        if (!(raw.get("user") instanceof JsonObject)) {
            b.add("user", JsonValue.EMPTY_JSON_OBJECT);
        }
        JsonObject event = b.build();
        eventLog.add(event);
        if (duplicate) {
            return id;
        }
        seenEventIds.put(id, now);
        String name = event.getString("name");
        cancelRunsFor(event, name);
        resolveWaitsFor(event, name);
        for (FunctionRecord fn : List.copyOf(functions.values())) {
            for (FunctionRecord.EventTrigger t : fn.eventTriggers()) {
                if (nameMatches(t.event(), name) && (t.expression() == null
                        || evaluate(t.expression(), Map.of("event", event)))) {
                    startRun(fn, List.of(event));
                    break;
                }
            }
        }
        return id;
    }

    private static boolean nameMatches(String pattern, String name) {
        return pattern.endsWith("*") ? name.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(name);
    }

    private boolean evaluate(String expression, Map<String, JsonValue> vars) {
        try {
            return Expression.parse(expression).test(vars);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "INNGEST-X002 cannot evaluate " + e.getMessage());
            return false;
        }
    }

    private void cancelRunsFor(JsonObject event, String name) {
        for (RunState run : List.copyOf(runs.values())) {
            if (run.status != RunStatus.RUNNING) {
                continue;
            }
            for (JsonObject c : run.function.cancellations()) {
                if (!nameMatches(c.getString("event"), name)) {
                    continue;
                }
                if (c.get("timeout") instanceof JsonString
                        && run.startedAt.plus(TimeString.parse(c.getString("timeout"))).isBefore(clock.instant())) {
                    continue;
                }
                if (c.get("if") instanceof JsonString
                        && !evaluate(c.getString("if"), Map.of("event", run.event(), "async", event))) {
                    continue;
                }
                finish(run, RunStatus.CANCELLED, null, null);
                break;
            }
        }
    }

    private void resolveWaitsFor(JsonObject event, String name) {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext();) {
            Waiter w = it.next();
            RunState run = runs.get(w.runId());
            if (run == null || run.status != RunStatus.RUNNING) {
                it.remove();
                continue;
            }
            if (w.event().equals(name) && (w.condition() == null
                    || w.condition().test(Map.of("event", run.event(), "async", event)))) {
                it.remove();
                record(run, w.hash(), "completed", event, null, 0, "received " + name);
                complete(run, w.hash(), event);
            }
        }
    }

    // ---- runs ----

    /**
     * Starts a run of a cron function now, as its schedule would.
     *
     * @param compositeId the function's composite id
     * @return the run id
     */
    public String fireCron(String compositeId) {
        synchronized (lock) {
            FunctionRecord fn = function(compositeId);
            String cron = fn.crons().isEmpty() ? "" : fn.crons().get(0);
            return startRun(fn, List.of(timerEvent(cron))).id;
        }
    }

    private JsonObject timerEvent(String cron) {
        return Json.createObjectBuilder().add("name", "inngest/scheduled.timer")
                .add("data", Json.createObjectBuilder().add("cron", cron)).add("id", newId())
                .add("ts", clock.instant().toEpochMilli()).add("user", JsonValue.EMPTY_JSON_OBJECT).build();
    }

    private FunctionRecord function(String compositeId) {
        FunctionRecord fn = functions.get(compositeId);
        if (fn == null) {
            throw new IllegalArgumentException("no function \"" + compositeId + "\" is registered; registered: "
                    + functions.keySet());
        }
        return fn;
    }

    private RunState startRun(FunctionRecord fn, List<JsonObject> events) {
        RunState run = new RunState(newId(), fn, events, clock.instant());
        runs.put(run.id, run);
        queueDiscovery(run);
        return run;
    }

    /**
     * @param runId a run id
     * @return the run as it is now
     */
    public Run run(String runId) {
        synchronized (lock) {
            RunState r = runs.get(runId);
            if (r == null) {
                throw new IllegalArgumentException("no run " + runId);
            }
            return r.snapshot();
        }
    }

    /** @return every run, oldest first */
    public List<Run> runs() {
        synchronized (lock) {
            return runs.values().stream().map(RunState::snapshot).toList();
        }
    }

    /**
     * @param compositeId a function's composite id
     * @return its runs, oldest first
     */
    public List<Run> runs(String compositeId) {
        return runs().stream().filter(r -> r.functionId().equals(compositeId)).toList();
    }

    /**
     * @param runId a run id
     * @return the events and memoized steps of a run, for {@code /v0/runs/{id}/batch} and {@code /actions}
     */
    public Optional<JsonObject[]> state(String runId) {
        synchronized (lock) {
            RunState r = runs.get(runId);
            if (r == null) {
                return Optional.empty();
            }
            JsonArrayBuilder events = Json.createArrayBuilder();
            r.events.forEach(events::add);
            JsonObjectBuilder steps = Json.createObjectBuilder();
            r.memo.forEach(steps::add);
            return Optional.of(new JsonObject[] {
                Json.createObjectBuilder().add("events", events).build(), steps.build()});
        }
    }

    // ---- the work loop ----

    /**
     * Does every job that is due now, and the jobs they make due now, until none is left.
     *
     * @return how many jobs were done
     */
    public int runUntilIdle() {
        int done = 0;
        while (done < MAX_JOBS_PER_DRAIN) {
            Job job;
            synchronized (lock) {
                job = queue.peek();
                if (job == null || job.due().isAfter(clock.instant())) {
                    return done;
                }
                queue.poll();
            }
            process(job);
            done++;
        }
        throw new IllegalStateException("more than " + MAX_JOBS_PER_DRAIN + " jobs without going idle: a loop?");
    }

    /**
     * Moves a virtual clock forward, doing every job as it falls due on the way.
     *
     * @param by how far
     */
    public void advance(Duration by) {
        VirtualClock vc = virtualClock();
        Instant target = vc.instant().plus(by);
        runUntilIdle();
        while (true) {
            Instant next = nextDue();
            if (next == null || next.isAfter(target)) {
                break;
            }
            vc.set(next);
            runUntilIdle();
        }
        vc.set(target);
        runUntilIdle();
    }

    /**
     * Moves a virtual clock from due job to due job until every run has finished (cron schedules alone
     * do not keep it going).
     *
     * @param limit the most virtual time to let pass
     * @return true if every run finished within the limit
     */
    public boolean drain(Duration limit) {
        VirtualClock vc = virtualClock();
        Instant end = vc.instant().plus(limit);
        runUntilIdle();
        while (hasRunning()) {
            Instant next = nextDue();
            if (next == null || next.isAfter(end)) {
                return false;
            }
            vc.set(next);
            runUntilIdle();
        }
        return true;
    }

    /** @return true while some run has not finished */
    public boolean hasRunning() {
        synchronized (lock) {
            return runs.values().stream().anyMatch(r -> r.status == RunStatus.RUNNING);
        }
    }

    /** @return when the next job falls due, or null if none is queued */
    public Instant nextDue() {
        synchronized (lock) {
            Job j = queue.peek();
            return j == null ? null : j.due();
        }
    }

    private VirtualClock virtualClock() {
        if (!(clock instanceof VirtualClock)) {
            throw new IllegalStateException("advance and drain need a VirtualClock; this executor runs on real time");
        }
        return (VirtualClock) clock;
    }

    private void process(Job job) {
        if (job.kind() == Kind.CRON) {
            synchronized (lock) {
                FunctionRecord fn = functions.get(job.stepId());
                if (fn != null) {
                    startRun(fn, List.of(timerEvent(job.runId())));
                    scheduleCron(fn.compositeId(), job.runId());
                }
            }
            return;
        }
        Prepared call;
        synchronized (lock) {
            RunState run = runs.get(job.runId());
            if (run == null || run.status != RunStatus.RUNNING) {
                return;
            }
            switch (job.kind()) {
                case WAKE:
                    record(run, job.stepId(), "completed", JsonValue.NULL, null, 0, "woke");
                    complete(run, job.stepId(), JsonValue.NULL);
                    return;
                case WAIT_TIMEOUT:
                    if (waiters.removeIf(w -> w.runId().equals(run.id) && w.hash().equals(job.stepId()))) {
                        record(run, job.stepId(), "timed out", JsonValue.NULL, null, 0, "no event in time");
                        complete(run, job.stepId(), JsonValue.NULL);
                    }
                    return;
                case INVOKE_TIMEOUT:
                    if (!run.memo.containsKey(job.stepId())) {
                        JsonObject error = Json.createObjectBuilder().add("name", "InngestInvokeTimeoutError")
                                .add("message", "Timed out waiting for invoked function to complete").build();
                        record(run, job.stepId(), "failed", null, error, 0, "invoke timed out");
                        complete(run, job.stepId(), Json.createObjectBuilder().add("error", error).build());
                    }
                    return;
                default:
                    break;
            }
            if (job.stepId().equals("step")) {
                run.discoveryQueued = false;
            }
            call = prepare(run, job);
        }
        CallDriver.CallResult result;
        Exception failure = null;
        try {
            result = call.driver().call("POST", call.url(), call.headers(), call.body());
        } catch (Exception e) {
            result = null;
            failure = e;
        }
        synchronized (lock) {
            RunState run = runs.get(job.runId());
            if (run == null || run.status != RunStatus.RUNNING) {
                return;
            }
            run.calls++;
            Responses.apply(this, run, job.stepId(), job.attempt(), result, failure);
        }
    }

    private record Prepared(CallDriver driver, URI url, Map<String, String> headers, String body) {
    }

    private Prepared prepare(RunState run, Job job) {
        JsonArrayBuilder stack = Json.createArrayBuilder();
        JsonObjectBuilder steps = Json.createObjectBuilder();
        run.memo.forEach((k, v) -> {
            stack.add(k);
            steps.add(k, v);
        });
        JsonArrayBuilder events = Json.createArrayBuilder();
        run.events.forEach(events::add);
        JsonObject ctx = Json.createObjectBuilder()
                .add("attempt", job.attempt())
                .add("disable_immediate_execution", run.forceStepPlan)
                .add("env", "")
                .add("fn_id", run.function.uuid().toString())
                .add("max_attempts", run.function.maxAttempts())
                .add("qi_id", run.id + ":" + job.seq())
                .add("request_id", newId())
                .add("run_id", run.id)
                .add("stack", Json.createObjectBuilder().add("current", run.memo.size()).add("stack", stack))
                .add("step_id", job.stepId())
                .add("use_api", false)
                .build();
        JsonObject body = Json.createObjectBuilder()
                .add("ctx", ctx)
                .add("defers", JsonValue.EMPTY_JSON_OBJECT)
                .add("event", run.event())
                .add("events", events)
                .add("steps", steps)
                .add("use_api", false)
                .add("version", run.version)
                .build();
        String text = Canonical.write(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Run-ID", run.id);
        headers.put("X-Inngest-Step-ID", job.stepId());
        headers.put("x-inngest-req-version", Integer.toString(run.version));
        if (signingKey != null) {
            headers.put("X-Inngest-Signature", RequestSigner.sign(text.getBytes(StandardCharsets.UTF_8), signingKey,
                    clock.instant()));
        }
        return new Prepared(run.function.driver(), run.function.urlFor(job.stepId()), headers, text);
    }

    // ---- what responses do (called by Responses under the lock) ----

    private void schedule(Kind kind, RunState run, String stepId, int attempt, Instant due) {
        queue.add(new Job(due, ids.incrementAndGet(), kind, run.id, stepId, attempt));
    }

    void queueCall(RunState run, String stepId, int attempt, Duration delay) {
        schedule(Kind.CALL, run, stepId, attempt, clock.instant().plus(delay));
    }

    void queueDiscovery(RunState run) {
        if (!run.discoveryQueued) {
            run.discoveryQueued = true;
            schedule(Kind.CALL, run, "step", 0, clock.instant());
        }
    }

    void sleep(RunState run, String hash, Instant until) {
        schedule(Kind.WAKE, run, hash, 0, until);
    }

    void waitFor(RunState run, String hash, String event, String condition, Instant expires) {
        waiters.add(new Waiter(run.id, hash, event, condition == null ? null : Expression.parse(condition)));
        schedule(Kind.WAIT_TIMEOUT, run, hash, 0, expires);
    }

    void invoke(RunState parent, String hash, String compositeId, JsonObject payload, Instant expires) {
        FunctionRecord fn = functions.get(compositeId);
        if (fn == null) {
            JsonObject error = Json.createObjectBuilder().add("name", "Error")
                    .add("message", "function " + compositeId + " is not registered").build();
            record(parent, hash, "failed", null, error, 0, "invoke " + compositeId);
            complete(parent, hash, Json.createObjectBuilder().add("error", error).build());
            return;
        }
        JsonObject data = payload.get("data") instanceof JsonObject ? payload.getJsonObject("data") : JsonValue.EMPTY_JSON_OBJECT;
        JsonObject meta = Json.createObjectBuilder()
                .add("fn_id", fn.uuid().toString())
                .add("correlation_id", parent.id + "." + hash)
                .add("expire", expires.toEpochMilli())
                .add("source_app_id", parent.function.appId())
                .add("source_fn_id", parent.function.uuid().toString())
                .build();
        JsonObjectBuilder event = Json.createObjectBuilder()
                .add("name", "inngest/function.invoked")
                .add("data", Json.createObjectBuilder(data).add("_inngest", meta))
                .add("id", newId())
                .add("ts", clock.instant().toEpochMilli())
                .add("user", payload.get("user") instanceof JsonObject ? payload.getJsonObject("user") : JsonValue.EMPTY_JSON_OBJECT);
        JsonObject e = event.build();
        eventLog.add(e);
        RunState child = startRun(fn, List.of(e));
        child.parentRunId = parent.id;
        child.parentStepHash = hash;
        schedule(Kind.INVOKE_TIMEOUT, parent, hash, 0, expires);
    }

    /** A step has its final result: memoize it and call the function again when nothing else is pending. */
    void complete(RunState run, String hash, JsonValue memo) {
        run.memo.put(hash, memo);
        boolean wasParallel = !run.pendingParallel.isEmpty();
        run.pendingParallel.remove(hash);
        if (run.pendingParallel.isEmpty()) {
            if (wasParallel) {
                run.forceStepPlan = false;
            }
            queueDiscovery(run);
        }
    }

    void record(RunState run, String hash, String status, JsonValue output, JsonObject error, int attempt, String detail) {
        StepRecord step = new StepRecord(hash, run.stepIds.getOrDefault(hash, hash),
                run.stepKinds.getOrDefault(hash, "run"), status, output, error, attempt, clock.instant(), detail);
        run.history.add(step);
        Run snapshot = run.snapshot();
        listeners.forEach(l -> l.onStep(snapshot, step));
    }

    void finish(RunState run, RunStatus status, JsonValue output, JsonObject error) {
        run.status = status;
        run.output = output;
        run.error = error;
        run.endedAt = clock.instant();
        waiters.removeIf(w -> w.runId().equals(run.id));
        Run snapshot = run.snapshot();
        listeners.forEach(l -> l.onFinished(snapshot));
        String fnId = run.function.compositeId();
        JsonObjectBuilder finished = Json.createObjectBuilder().add("function_id", fnId).add("run_id", run.id)
                .add("event", run.event());
        if (status == RunStatus.COMPLETED) {
            finished.add("result", output == null ? JsonValue.NULL : output);
        } else if (error != null) {
            finished.add("error", error);
        }
        if (run.parentRunId != null) {
            finished.add("correlation_id", run.parentRunId + "." + run.parentStepHash);
            RunState parent = runs.get(run.parentRunId);
            if (parent != null && parent.status == RunStatus.RUNNING && !parent.memo.containsKey(run.parentStepHash)) {
                if (status == RunStatus.COMPLETED) {
                    record(parent, run.parentStepHash, "completed", output, null, 0, "invoked run " + run.id);
                    complete(parent, run.parentStepHash, Json.createObjectBuilder()
                            .add("data", output == null ? JsonValue.NULL : output).build());
                } else {
                    JsonObject e = error != null ? error : Json.createObjectBuilder().add("name", "Error")
                            .add("message", "invoked function was cancelled").build();
                    record(parent, run.parentStepHash, "failed", null, e, 0, "invoked run " + run.id);
                    complete(parent, run.parentStepHash, Json.createObjectBuilder().add("error", e).build());
                }
            }
        }
        if (status == RunStatus.FAILED) {
            JsonArrayBuilder events = Json.createArrayBuilder();
            run.events.forEach(events::add);
            ingest(Json.createObjectBuilder().add("name", "inngest/function.failed")
                    .add("data", Json.createObjectBuilder().add("function_id", fnId).add("run_id", run.id)
                            .add("error", error == null ? JsonValue.EMPTY_JSON_OBJECT : error)
                            .add("event", run.event()).add("events", events))
                    .build());
        }
        if (status == RunStatus.CANCELLED) {
            ingest(Json.createObjectBuilder().add("name", "inngest/function.cancelled")
                    .add("data", Json.createObjectBuilder().add("function_id", fnId).add("run_id", run.id)
                            .add("event", run.event()))
                    .build());
        }
        ingest(Json.createObjectBuilder().add("name", "inngest/function.finished").add("data", finished).build());
    }

    Duration retryDelay(String retryAfter, int attempt) {
        if (retryAfter != null && !retryAfter.isBlank()) {
            Duration d;
            try {
                d = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
            } catch (NumberFormatException notSeconds) {
                try {
                    d = Duration.between(clock.instant(), Instant.parse(retryAfter.trim()));
                } catch (DateTimeParseException notDate) {
                    d = retryBase;
                }
            }
            if (d.compareTo(Duration.ofSeconds(1)) < 0) {
                d = Duration.ofSeconds(1);
            }
            return d.compareTo(Duration.ofHours(24)) > 0 ? Duration.ofHours(24) : d;
        }
        return retryBase.multipliedBy(1L << Math.min(attempt, 20));
    }

    Instant now() {
        return clock.instant();
    }

    private void scheduleCron(String compositeId, String cron) {
        try {
            Instant next = CronSchedule.parse(cron).next(clock.instant());
            queue.add(new Job(next, ids.incrementAndGet(), Kind.CRON, cron, compositeId, 0));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "INNGEST-X003 cannot schedule cron \"" + cron + "\" of " + compositeId, e);
        }
    }

    private String newId() {
        return String.format("01J%023d", ids.incrementAndGet());
    }

    static JsonArray array(JsonValue v) {
        return v instanceof JsonArray ? (JsonArray) v : JsonValue.EMPTY_JSON_ARRAY;
    }

    static JsonValue parse(String text) {
        return JsonMapper.parse(text);
    }
}
