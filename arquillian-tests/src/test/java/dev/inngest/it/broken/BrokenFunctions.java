package dev.inngest.it.broken;

import dev.inngest.cdi.InngestFunction;
import dev.inngest.cdi.OnCron;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Two Inngest functions the extension must refuse, deployed alone by {@code InvalidFunctionIT}. A top-level
 * class in its own package, so that the WAR needs nothing else from the test sources.
 */
@ApplicationScoped
public class BrokenFunctions {

    /** No {@code @OnEvent} and no {@code @OnCron}: INNGEST-D002. */
    @InngestFunction(id = "no-trigger")
    public String noTrigger() {
        return "never";
    }

    /** Minute 61 and hour 25 do not exist: INNGEST-D003. */
    @InngestFunction(id = "bad-cron")
    @OnCron("61 25 * * *")
    public String badCron() {
        return "never";
    }
}
