package dev.inngest.executor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that only moves when told to, so that sleeps, timeouts and retries take no real time in tests. */
public final class VirtualClock extends Clock {

    private volatile Instant now;

    /**
     * @param start the initial time
     */
    public VirtualClock(Instant start) {
        this.now = start;
    }

    /** @return a virtual clock starting at the current real time, truncated to the second */
    public static VirtualClock startingNow() {
        return new VirtualClock(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
    }

    /**
     * @param by how far to move, zero or more
     */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time cannot go back");
        }
        now = now.plus(by);
    }

    /**
     * @param to the new time, not before now
     */
    public void set(Instant to) {
        if (to.isAfter(now)) {
            now = to;
        }
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
