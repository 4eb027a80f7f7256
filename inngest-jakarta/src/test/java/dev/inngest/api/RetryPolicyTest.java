package dev.inngest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The back-off of event sends, without a clock. */
class RetryPolicyTest {

    @Test
    void doublesFrom100msAndStopsAtTheCap() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), RetryPolicy.Sleeper.SYSTEM);
        List<Long> waits = new ArrayList<>();
        for (int retry = 1; retry <= 6; retry++) {
            waits.add(p.delayBefore(retry, null).toMillis());
        }
        assertEquals(List.of(100L, 200L, 400L, 800L, 1000L, 1000L), waits);
    }

    @Test
    void retryAfterLengthensTheWaitButNotPastTheCap() {
        RetryPolicy p = RetryPolicy.defaults();
        assertEquals(Duration.ofSeconds(1), p.delayBefore(1, Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(2), p.delayBefore(1, Duration.ofMinutes(5)));
        assertEquals(Duration.ofMillis(400), p.delayBefore(3, Duration.ZERO));
    }

    @Test
    void defaultsAreFiveAttempts() {
        assertEquals(5, RetryPolicy.defaults().maxAttempts());
        assertEquals(1, RetryPolicy.none().maxAttempts());
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, RetryPolicy.Sleeper.SYSTEM));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), RetryPolicy.Sleeper.SYSTEM));
    }
}
