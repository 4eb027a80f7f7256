package dev.inngest.executor;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;

/**
 * One step of a run as the executor saw it.
 *
 * @param hash the hashed step id
 * @param id the id given in code (the op's {@code displayName})
 * @param kind {@code run}, {@code sendEvent}, {@code sleep}, {@code waitForEvent} or {@code invoke}
 * @param status {@code completed}, {@code failed}, {@code errored} (a retried attempt), {@code waiting},
 *     {@code timed out}
 * @param output the step's result, or null
 * @param error the step's error, or null
 * @param attempt the 0-based attempt this record is about
 * @param at when it happened, on the executor's clock
 * @param detail what the step waits for or how long it sleeps, or null
 */
public record StepRecord(String hash, String id, String kind, String status, JsonValue output, JsonObject error,
        int attempt, Instant at, String detail) {
}
