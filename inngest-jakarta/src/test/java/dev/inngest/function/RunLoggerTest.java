package dev.inngest.function;

import static dev.inngest.testkit.CallBody.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.protocol.ServeResponse;
import dev.inngest.step.StepFuture;
import dev.inngest.testkit.CallBody;
import dev.inngest.testkit.Harness;
import dev.inngest.testkit.LogCapture;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ctx.logger()} writes once per real execution: silent while memoized steps are replayed (before the
 * first step, between memoized steps), writing after the last memoized step and always inside a step's code.
 */
class RunLoggerTest {

    private static final String FIRST = "e0996a37c13d44c3b06074939d43fa3759bd32c1";
    private static final String SECOND = "352f7829a2384b001cc12b0c2613c756454a1f6a";
    private static final String X = "11f6ad8ec52a2984abaafd7c3b516503785c2072";
    private static final String Y = "95cb0bfd2977c761298d9624e4b4d4c72a39974a";
    private static final RuntimeException BOOM = new IllegalStateException("boom");

    private final Harness app = Harness.dev();
    private final LogCapture log = LogCapture.of("dev.inngest.run");
    private final List<Boolean> writingBeforeSteps = new ArrayList<>();

    RunLoggerTest() {
        app.inngest.createFunction(FunctionOptions.builder("sequence").triggerEvent("test/hello").build(), (ctx, step) -> {
            writingBeforeSteps.add(ctx.logger().isWriting());
            ctx.logger().info("before {0}", ctx.event().data().getString("id"));
            int a = step.run("first", Integer.class, () -> {
                ctx.logger().info("in first");
                return 1;
            });
            ctx.logger().info("between");
            int b = step.run("second", Integer.class, () -> {
                ctx.logger().warn("in second", BOOM);
                return a + 1;
            });
            ctx.logger().error("after {0}", b, BOOM);
            return b;
        });
        app.inngest.createFunction(FunctionOptions.builder("parallel").triggerEvent("test/hello").build(), (ctx, step) -> {
            ctx.logger().info("start");
            StepFuture<Integer> x = step.runAsync("x", Integer.class, () -> {
                ctx.logger().info("in x");
                return 1;
            });
            StepFuture<Integer> y = step.runAsync("y", Integer.class, () -> {
                ctx.logger().info("in y");
                return 2;
            });
            step.all(x, y);
            ctx.logger().info("end");
            return x.get() + y.get();
        });
        app.inngest.createFunction(FunctionOptions.builder("flaky").triggerEvent("test/hello").build(), (ctx, step) -> {
            ctx.logger().debug("trying");
            return step.run("call-api", Integer.class, () -> {
                ctx.logger().warn("calling the API, attempt {0}", ctx.attempt());
                throw new IllegalStateException("API down");
            });
        });
    }

    @AfterEach
    void close() {
        log.close();
    }

    private List<String> linesOf(String fn, String stepId, CallBody body) {
        int before = log.records().size();
        ServeResponse r = app.post("fnId=my-app-" + fn + "&stepId=" + stepId, body.build());
        assertTrue(r.status() == 200 || r.status() == 206, r.bodyText());
        List<String> lines = log.messages();
        return lines.subList(before, lines.size());
    }

    @Test
    void eachLineIsWrittenOnceOverTheWholeRun() {
        assertEquals(List.of("[fn=sequence run=01HRUN0000000000000000000R attempt=0] before abc",
                "[fn=sequence run=01HRUN0000000000000000000R step=first attempt=0] in first"),
                linesOf("sequence", "step", call()));
        assertEquals(List.of("[fn=sequence run=01HRUN0000000000000000000R attempt=0] between",
                "[fn=sequence run=01HRUN0000000000000000000R step=second attempt=0] in second"),
                linesOf("sequence", "step", call().data(FIRST, Json.createValue(1))));
        assertEquals(List.of("[fn=sequence run=01HRUN0000000000000000000R attempt=0] after 2"),
                linesOf("sequence", "step", call().data(FIRST, Json.createValue(1)).data(SECOND, Json.createValue(2))));
        assertEquals(List.of(true, false, false), writingBeforeSteps, "isWriting() tells the code the same");
    }

    @Test
    void linesGoToTheFunctionsLoggerAtTheirLevelWithTheirException() {
        linesOf("sequence", "step", call().data(FIRST, Json.createValue(1)));
        linesOf("sequence", "step", call().data(FIRST, Json.createValue(1)).data(SECOND, Json.createValue(2)));
        List<LogRecord> records = log.records();
        assertEquals(3, records.size());
        records.forEach(r -> assertEquals("dev.inngest.run.sequence", r.getLoggerName()));
        assertEquals(Level.INFO, records.get(0).getLevel());
        assertNull(records.get(0).getThrown());
        assertEquals(Level.WARNING, records.get(1).getLevel());
        assertSame(BOOM, records.get(1).getThrown());
        assertEquals("second", records.get(1).getSourceMethodName());
        assertEquals(Level.SEVERE, records.get(2).getLevel());
        assertSame(BOOM, records.get(2).getThrown(), "a Throwable as the last argument is the line's exception");
    }

    @Test
    void parallelStepsLogOnlyTheirOwnCodeOnTargetedCalls() {
        assertEquals(List.of("[fn=parallel run=01HRUN0000000000000000000R attempt=0] start"),
                linesOf("parallel", "step", call()), "discovery plans x and y without running them");
        assertEquals(List.of("[fn=parallel run=01HRUN0000000000000000000R step=x attempt=0] in x"),
                linesOf("parallel", X, call()));
        assertEquals(List.of("[fn=parallel run=01HRUN0000000000000000000R step=y attempt=0] in y"),
                linesOf("parallel", Y, call().data(X, Json.createValue(1))));
        assertEquals(List.of("[fn=parallel run=01HRUN0000000000000000000R attempt=0] end"),
                linesOf("parallel", "step", call().data(X, Json.createValue(1)).data(Y, Json.createValue(2))));
    }

    @Test
    void retriesLogAgainWithTheirAttempt() {
        assertEquals(List.of("[fn=flaky run=01HRUN0000000000000000000R attempt=0] trying",
                "[fn=flaky run=01HRUN0000000000000000000R step=call-api attempt=0] calling the API, attempt 0"),
                linesOf("flaky", "step", call()));
        assertEquals(List.of("[fn=flaky run=01HRUN0000000000000000000R attempt=1] trying",
                "[fn=flaky run=01HRUN0000000000000000000R step=call-api attempt=1] calling the API, attempt 1"),
                linesOf("flaky", "step", call().attempt(1, 3)), "a retry is a real execution");
    }

    @Test
    void nothingIsWrittenWhenTheLevelIsOff() {
        java.util.logging.Logger fn = java.util.logging.Logger.getLogger("dev.inngest.run.sequence");
        fn.setLevel(Level.OFF);
        try {
            assertEquals(List.of(), linesOf("sequence", "step", call()));
            assertFalse(log.text().contains("before"));
        } finally {
            fn.setLevel(null);
        }
    }
}
