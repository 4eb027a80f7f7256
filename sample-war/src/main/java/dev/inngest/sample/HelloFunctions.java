package dev.inngest.sample;

import dev.inngest.cdi.InngestFunction;
import dev.inngest.cdi.OnEvent;
import dev.inngest.function.FunctionContext;
import dev.inngest.step.Step;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sample's Inngest function. Send {@code demo/hello} with {@code {"name": "Ada"}} from the Inngest dev
 * server and the run answers {@code Hello Ada}.
 */
@ApplicationScoped
public class HelloFunctions {

    /**
     * The trigger event's data.
     *
     * @param name who to greet
     */
    public record Greeting(String name) {
    }

    /**
     * Greets whoever the event names, in one step.
     *
     * @param greeting the event data
     * @param ctx the run
     * @param step the step tools
     * @return the greeting
     */
    @InngestFunction(id = "hello", name = "Say hello")
    @OnEvent("demo/hello")
    public String hello(Greeting greeting, FunctionContext ctx, Step step) {
        String name = greeting.name() == null ? "world" : greeting.name();
        return step.run("greet", String.class, () -> "Hello " + name + " (run " + ctx.runId() + ")");
    }
}
