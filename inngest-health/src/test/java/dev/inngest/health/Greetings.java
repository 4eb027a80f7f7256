package dev.inngest.health;

import dev.inngest.cdi.InngestFunction;
import dev.inngest.cdi.OnEvent;
import dev.inngest.function.FunctionContext;
import jakarta.enterprise.context.ApplicationScoped;

/** One function, so that the check has something to count. */
@ApplicationScoped
public class Greetings {

    @InngestFunction(id = "greet")
    @OnEvent("demo/greet")
    public String greet(FunctionContext ctx) {
        return "hello";
    }
}
