package dev.inngest.it.soak;

import dev.inngest.cdi.InngestFunction;
import dev.inngest.cdi.OnEvent;
import dev.inngest.function.FunctionContext;
import dev.inngest.step.Step;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The function {@code ConcurrencySoakIT} calls from 256 workers at once: {@link #STEPS} steps, each recording
 * the run id and the event's tag it ran for, and how many of the earlier (memoized) results belonged to this
 * run. Any cross-talk between concurrent calls (a step result, event or context of another run) shows in the
 * answer. A top-level class in its own package, so that the WAR needs nothing else from the test sources.
 */
@ApplicationScoped
public class SoakFunctions {

    /** Steps of the function. */
    public static final int STEPS = 5;

    /** The trigger event's data. */
    public record Input(String tag, int salt) {
    }

    /** A step's result: whose run it ran in, and how many earlier results were this run's own. */
    public record Echo(String runId, String tag, int index, int matched, long check) {
    }

    /** The function's result. */
    public record Output(String runId, String eventId, String tag, int matched, long checksum) {
    }

    /**
     * @param input the event's data
     * @param ctx the run
     * @param step the step tools
     * @return what the run saw
     */
    @InngestFunction(id = "echo")
    @OnEvent("soak/go")
    public Output echo(Input input, FunctionContext ctx, Step step) {
        int matched = 0;
        long checksum = 0;
        for (int i = 0; i < STEPS; i++) {
            int index = i;
            int before = matched;
            Echo e = step.run("step-" + i, Echo.class,
                () -> new Echo(ctx.runId(), input.tag(), index, before, check(input.tag(), index, input.salt())));
            if (e.runId().equals(ctx.runId()) && e.tag().equals(input.tag()) && e.index() == i
                    && e.check() == check(input.tag(), i, input.salt())) {
                matched++;
            }
            checksum += e.check();
        }
        return new Output(ctx.runId(), ctx.event().id(), input.tag(), matched, checksum);
    }

    /**
     * @param tag the run's tag
     * @param index the step
     * @param salt the run's salt
     * @return a value only this run's step can have
     */
    public static long check(String tag, int index, int salt) {
        return 31L * tag.hashCode() + 7L * index + salt;
    }
}
