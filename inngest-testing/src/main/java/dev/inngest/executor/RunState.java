package dev.inngest.executor;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The executor's mutable record of one run. Guarded by the executor's lock. */
final class RunState {

    final String id;
    final FunctionRecord function;
    final List<JsonObject> events;
    final Instant startedAt;
    /** memoized results in completion order: the order of {@code ctx.stack.stack} */
    final Map<String, JsonValue> memo = new LinkedHashMap<>();
    final List<StepRecord> history = new ArrayList<>();
    final Set<String> pendingParallel = new HashSet<>();
    final Map<String, String> stepIds = new LinkedHashMap<>();
    final Map<String, String> stepKinds = new LinkedHashMap<>();

    RunStatus status = RunStatus.RUNNING;
    JsonValue output;
    JsonObject error;
    Instant endedAt;
    boolean forceStepPlan;
    boolean discoveryQueued;
    int version = -1;
    int calls;
    /** set when another run invoked this one */
    String parentRunId;
    String parentStepHash;

    RunState(String id, FunctionRecord function, List<JsonObject> events, Instant startedAt) {
        this.id = id;
        this.function = function;
        this.events = List.copyOf(events);
        this.startedAt = startedAt;
    }

    JsonObject event() {
        return events.get(0);
    }

    Run snapshot() {
        return new Run(id, function.compositeId(), status, event(), events, output, error, List.copyOf(history),
                calls, startedAt, endedAt);
    }
}
