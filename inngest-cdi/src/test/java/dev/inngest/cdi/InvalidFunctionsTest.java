package dev.inngest.cdi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.function.FunctionContext;
import dev.inngest.step.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One invalid method shape per test: the deployment fails, naming the code and the method. */
class InvalidFunctionsTest {

    private static Runnable restore;

    @BeforeAll
    static void config() {
        restore = WeldContainers.properties(Map.of("inngest.app-id", "bad-app", "inngest.dev", "true"));
    }

    @AfterAll
    static void reset() {
        restore.run();
        WeldContainers.resetConfig();
    }

    private static String deploymentFailure(Class<?>... beans) {
        Exception e = assertThrows(Exception.class, () -> WeldContainers.start(beans).shutdown());
        return WeldContainers.text(e);
    }

    private static void assertProblem(String text, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), "expected \"" + p + "\" in:\n" + text);
        }
    }

    @ApplicationScoped
    static class NoTrigger {
        @InngestFunction(id = "no-trigger")
        void run() {
        }
    }

    @Test
    void missingTrigger() {
        assertProblem(deploymentFailure(NoTrigger.class), "INNGEST-D002 NoTrigger#run", "@OnEvent");
    }

    @ApplicationScoped
    static class BadCron {
        @InngestFunction(id = "bad-cron")
        @OnCron("61 * * * *")
        void run() {
        }
    }

    @Test
    void invalidCron() {
        assertProblem(deploymentFailure(BadCron.class), "INNGEST-D003 BadCron#run", "61 * * * *");
    }

    @ApplicationScoped
    static class BadTime {
        @InngestFunction(id = "bad-time")
        @OnEvent("demo/x")
        @RateLimit(limit = 1, period = "soon")
        void run() {
        }
    }

    @Test
    void invalidTimeString() {
        assertProblem(deploymentFailure(BadTime.class), "INNGEST-D004 BadTime#run", "\"soon\"");
    }

    @ApplicationScoped
    static class BadOption {
        @InngestFunction(id = "bad-option")
        @OnEvent("demo/x")
        @Throttle(limit = 0, period = "1m")
        void run() {
        }
    }

    @Test
    void invalidOptionValueKeepsTheOptionsMessage() {
        assertProblem(deploymentFailure(BadOption.class), "INNGEST-D005 BadOption#run",
                "throttle limit must be at least 1, was 0");
    }

    @ApplicationScoped
    static class BadParameter {
        @InngestFunction(id = "bad-parameter")
        @OnEvent("demo/x")
        void run(Step step, int count) {
        }
    }

    @Test
    void unsupportedParameter() {
        assertProblem(deploymentFailure(BadParameter.class), "INNGEST-D006 BadParameter#run", "primitive type int");
    }

    @ApplicationScoped
    static class FailureToNowhere {
        @InngestFunction(id = "failure-to-nowhere")
        @OnEvent("demo/x")
        @OnFailure("cleanUp")
        void run(FunctionContext ctx) {
        }
    }

    @Test
    void onFailureToAMissingMethod() {
        assertProblem(deploymentFailure(FailureToNowhere.class), "INNGEST-D007 FailureToNowhere#run", "\"cleanUp\"");
    }

    @ApplicationScoped
    static class FailureBadSignature {
        @InngestFunction(id = "failure-bad-signature")
        @OnEvent("demo/x")
        @OnFailure("cleanUp")
        void run(FunctionContext ctx) {
        }

        void cleanUp(String a, String b) {
        }
    }

    @Test
    void onFailureToAMethodWithABadSignature() {
        assertProblem(deploymentFailure(FailureBadSignature.class), "INNGEST-D008 FailureBadSignature#run",
                "2 event-data parameters");
    }

    @ApplicationScoped
    static class FirstHello {
        @InngestFunction(id = "same")
        @OnEvent("demo/x")
        void first() {
        }
    }

    @Dependent
    static class SecondHello {
        @InngestFunction(id = "same")
        @OnEvent("demo/y")
        void second() {
        }
    }

    @Test
    void duplicateIdAcrossBeans() {
        assertProblem(deploymentFailure(FirstHello.class, SecondHello.class),
                "INNGEST-D009", "\"same\"", "FirstHello#first", "SecondHello#second");
    }

    @ApplicationScoped
    static class OptionAlone {
        @OnEvent("demo/x")
        void run() {
        }
    }

    @Test
    void optionWithoutFunction() {
        assertProblem(deploymentFailure(OptionAlone.class), "INNGEST-D001 OptionAlone#run", "@OnEvent");
    }

    @ApplicationScoped
    static class ManyProblems {
        @InngestFunction(id = "many")
        @OnCron("not a cron")
        @Debounce(period = "forever")
        @Retries(99)
        @OnFailure("missing")
        void run(int a, long b) {
        }

        @InngestFunction(id = "many")
        void again() {
        }
    }

    @Test
    void everyProblemIsListedAtOnce() {
        String text = deploymentFailure(ManyProblems.class, NoTrigger.class);
        assertProblem(text,
                "INNGEST-D003 ManyProblems#run",
                "INNGEST-D004 ManyProblems#run",
                "INNGEST-D005 ManyProblems#run: @Retries",
                "INNGEST-D006 ManyProblems#run",
                "INNGEST-D007 ManyProblems#run",
                "INNGEST-D002 ManyProblems#again",
                "INNGEST-D002 NoTrigger#run",
                "INNGEST-D009",
                "Inngest problems found");
    }
}
