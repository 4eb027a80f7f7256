package dev.inngest.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.error.InvalidFunctionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FunctionOptionsTest {

    @Test
    void everyProblemOfADefinitionIsReportedAtOnce() {
        FunctionOptions.Builder b = FunctionOptions.builder(" ")
                .concurrency(1).concurrency(2).concurrency(3)
                .retries(21);
        InvalidFunctionException e = assertThrows(InvalidFunctionException.class, b::build);
        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("no trigger"));
        assertTrue(e.getMessage().contains("at most 2"));
        assertTrue(e.getMessage().contains("from 0 to 20"));
    }

    @Test
    void nameDefaultsToTheId() {
        FunctionOptions o = FunctionOptions.builder("hello").triggerEvent("demo/hello").build();
        assertEquals("hello", o.name());
        assertNull(o.retries());
    }

    @Test
    void valuesOutsideInngestsLimitsAreRefusedWithTheLimit() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Batching.of(10, "2m"))
                .getMessage().contains("between 1s and 1m"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RateLimit.of(0, "1h"))
                .getMessage().contains("at least 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Throttle.of(1, "soon"))
                .getMessage().contains("throttle period"));
        assertThrows(IllegalArgumentException.class, () -> Concurrency.limit(1).scope(Concurrency.Scope.ACCOUNT));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), 2, Duration.ofMinutes(1)));
    }

    @Test
    void backoffGrowsAndIsCapped() {
        Backoff b = Backoff.exponential("10s", 2, "1m");
        assertEquals(Duration.ofSeconds(10), b.delayAfter(0));
        assertEquals(Duration.ofSeconds(20), b.delayAfter(1));
        assertEquals(Duration.ofSeconds(40), b.delayAfter(2));
        assertEquals(Duration.ofSeconds(60), b.delayAfter(3));
    }

    @Test
    void cronExpressionsAreChecked() {
        assertNull(CronExpression.problem("0 0 * * *"));
        assertNull(CronExpression.problem("TZ=Europe/Paris 0 9 * * MON-FRI"));
        assertNull(CronExpression.problem("*/15 9-17 1,15 JAN-JUN 1-5"));
        assertNull(CronExpression.problem("@daily"));
        assertNull(CronExpression.problem("0 30 9 * * *"));
        assertTrue(CronExpression.problem("0 0 * *").contains("4 fields"));
        assertTrue(CronExpression.problem("61 0 * * *").contains("outside 0-59"));
        assertTrue(CronExpression.problem("TZ=Mars/Olympus 0 0 * * *").contains("unknown time zone"));
        assertTrue(CronExpression.problem("@sometimes").contains("descriptor"));
        assertThrows(IllegalArgumentException.class, () -> Trigger.cron("every day"));
    }
}
