package dev.inngest.execution;

import dev.inngest.event.Event;
import dev.inngest.function.FunctionContext;
import dev.inngest.function.RunLogger;
import dev.inngest.step.Step;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The {@link FunctionContext} of one call. */
final class RunContext implements FunctionContext {

    private final Execution execution;
    private final Event event;
    private final List<Event> events;
    private final RunLogger logger;

    RunContext(Execution execution) {
        this.execution = execution;
        ExecutionRequest request = execution.request();
        this.event = Event.fromJson(request.event(), execution.mapper());
        List<Event> all = new ArrayList<>(request.events().size());
        for (JsonObject e : request.events()) {
            all.add(Event.fromJson(e, execution.mapper()));
        }
        this.events = Collections.unmodifiableList(all);
        this.logger = new ExecutionLogger(execution);
    }

    @Override
    public Event event() {
        return event;
    }

    @Override
    public List<Event> events() {
        return events;
    }

    @Override
    public String runId() {
        return execution.request().runId();
    }

    @Override
    public int attempt() {
        return execution.request().attempt();
    }

    @Override
    public int maxAttempts() {
        return execution.maxAttempts();
    }

    @Override
    public String functionId() {
        return execution.function().id();
    }

    @Override
    public RunLogger logger() {
        return logger;
    }

    @Override
    public Step step() {
        return execution.tools();
    }
}
