package dev.inngest.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeStringTest {

    @Test
    void parsesEveryUnitAndCompounds() {
        assertEquals(Duration.ofSeconds(30), TimeString.parse("30s"));
        assertEquals(Duration.ofMinutes(5), TimeString.parse("5m"));
        assertEquals(Duration.ofMinutes(150), TimeString.parse("2h30m"));
        assertEquals(Duration.ofMinutes(150), TimeString.parse("2.5h"));
        assertEquals(Duration.ofDays(1), TimeString.parse("1d"));
        assertEquals(Duration.ofDays(9), TimeString.parse("1w2d"));
        assertEquals(Duration.ofMillis(300), TimeString.parse("300ms"));
        assertEquals(Duration.ofNanos(1500), TimeString.parse("1us500ns"));
        assertEquals(Duration.ZERO, TimeString.parse("0"));
    }

    @Test
    void formatsLikeTheOfficialSdks() {
        assertEquals("30m", TimeString.format(Duration.ofMinutes(30)));
        assertEquals("2h30m", TimeString.format(Duration.ofMinutes(150)));
        assertEquals("1d", TimeString.format(Duration.ofDays(1)));
        assertEquals("1w", TimeString.format(Duration.ofDays(7)));
        assertEquals("1h30m", TimeString.format(Duration.ofMillis(5_400_000)));
        assertEquals("1d2h1m1s", TimeString.format(Duration.ofMillis(93_661_000)));
        assertEquals("1s", TimeString.format(Duration.ofMillis(1_500)));
        assertEquals("1s", TimeString.format(Duration.ofMillis(500)));
        assertEquals("0s", TimeString.format(Duration.ZERO));
        assertEquals("1d", TimeString.normalize("24h"));
    }

    @Test
    void rejectsWhatTheServerWouldNotReadWithAHelpfulMessage() {
        for (String bad : new String[] {"", "5", "5 m", "five minutes", "1y", "-5m", "m5", "1h 30m"}) {
            assertFalse(TimeString.isValid(bad), bad);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeString.parse("1y"));
        assertTrue(e.getMessage().contains("\"1y\"") && e.getMessage().contains("2h30m"), e.getMessage());
    }
}
