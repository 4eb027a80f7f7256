package dev.inngest.executor;

import dev.inngest.json.JsonMapper;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A run as tests see it: a snapshot taken when asked for.
 *
 * @param id the run id
 * @param functionId the function's composite id ({@code <appId>-<fnId>})
 * @param status where it stands
 * @param event the trigger event
 * @param events every event of the run
 * @param output the function's result once completed, else null
 * @param error the error once failed, else null
 * @param steps the steps in the order they happened
 * @param calls how many times the executor called the app for this run
 * @param startedAt when the run was created
 * @param endedAt when it finished, or null
 */
public record Run(String id, String functionId, RunStatus status, JsonObject event, List<JsonObject> events,
        JsonValue output, JsonObject error, List<StepRecord> steps, int calls, Instant startedAt, Instant endedAt) {

    /**
     * @param type the class to map the output to
     * @param <T> the type
     * @return the output mapped with JSON-B
     */
    public <T> T output(Class<T> type) {
        return JsonMapper.defaults().fromJson(output, type);
    }

    /**
     * @param type a generic type to map the output to
     * @param <T> the type
     * @return the output mapped with JSON-B
     */
    public <T> T output(Type type) {
        return JsonMapper.defaults().fromJson(output, type);
    }

    /**
     * @param id a step id as given in code
     * @return the last record of that step (the first use of the id)
     */
    public Optional<StepRecord> step(String id) {
        StepRecord last = null;
        for (StepRecord s : steps) {
            if (s.id().equals(id)) {
                last = s;
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * @param id a step id as given in code
     * @return every record of that step: errored attempts, then the final state
     */
    public List<StepRecord> stepHistory(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).toList();
    }
}
