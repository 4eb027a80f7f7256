package dev.inngest.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * How the app's last sync with Inngest went, as {@link dev.inngest.Inngest#lastSync()} reports it (e.g. to a
 * health check).
 *
 * @param at when the sync was answered
 * @param succeeded true when Inngest accepted the app's functions
 * @param kind {@code out_of_band} (the SDK registered with Inngest) or {@code in_band} (Inngest asked)
 * @param message {@code Successfully synced.} or why it failed; never a key
 */
public record SyncOutcome(Instant at, boolean succeeded, String kind, String message) {

    /** Checks that every part is there. */
    public SyncOutcome {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
