package dev.inngest.executor;

import dev.inngest.time.TimeString;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.logging.Logger;

/**
 * What the executor does with an app's answer, as the server's {@code HandleGeneratorResponse} does:
 * 200 completes the run, 206 ops are acted on one by one, errors are retried until the attempts run out.
 */
final class Responses {

    private static final Logger LOG = Logger.getLogger(Responses.class.getName());
    private static final Duration DEFAULT_INVOKE_TIMEOUT = Duration.ofDays(365);

    private Responses() {
    }

    static void apply(LocalExecutor ex, RunState run, String stepId, int attempt, CallDriver.CallResult result,
            Exception failure) {
        int maxAttempts = run.function.maxAttempts();
        if (failure != null || result.header("X-Inngest-SDK") == null) {
            String why = failure != null ? "the app could not be reached: " + failure
                    : "the answer (" + result.status() + ") did not come from an Inngest SDK";
            retryOrFail(ex, run, stepId, attempt, maxAttempts, null, error("Error", why));
            return;
        }
        JsonValue body;
        try {
            body = result.body().isEmpty() ? JsonValue.NULL : LocalExecutor.parse(result.body());
        } catch (JsonException e) {
            retryOrFail(ex, run, stepId, attempt, maxAttempts, null, error("Error", "the app answered with invalid JSON"));
            return;
        }
        int status = result.status();
        if (status == 200) {
            ex.finish(run, RunStatus.COMPLETED, body, null);
            return;
        }
        if (status == 206) {
            if (run.version < 0 && result.header("X-Inngest-Req-Version") != null) {
                run.version = Integer.parseInt(result.header("X-Inngest-Req-Version").trim());
            }
            JsonArray ops = body instanceof JsonArray ? (JsonArray) body
                    : body instanceof JsonObject ? Json.createArrayBuilder().add(body).build() : JsonValue.EMPTY_JSON_ARRAY;
            boolean noRetry = "true".equalsIgnoreCase(result.header("X-Inngest-No-Retry"));
            if (ops.size() > 1) {
                run.forceStepPlan = true;
                for (JsonValue v : ops) {
                    run.pendingParallel.add(((JsonObject) v).getString("id"));
                }
            }
            for (JsonValue v : ops) {
                op(ex, run, stepId, attempt, maxAttempts, (JsonObject) v, noRetry, result.header("Retry-After"));
            }
            return;
        }
        JsonObject err = body instanceof JsonObject ? (JsonObject) body : error("Error", "status " + status);
        if ("true".equalsIgnoreCase(result.header("X-Inngest-No-Retry"))) {
            ex.finish(run, RunStatus.FAILED, null, err);
            return;
        }
        retryOrFail(ex, run, stepId, attempt, maxAttempts, result.header("Retry-After"), err);
    }

    private static void retryOrFail(LocalExecutor ex, RunState run, String stepId, int attempt, int maxAttempts,
            String retryAfter, JsonObject err) {
        if (attempt + 1 < maxAttempts) {
            LOG.fine(() -> "run " + run.id + " attempt " + attempt + " failed: " + err);
            ex.queueCall(run, stepId, attempt + 1, ex.retryDelay(retryAfter, attempt));
        } else {
            ex.finish(run, RunStatus.FAILED, null, err);
        }
    }

    private static void op(LocalExecutor ex, RunState run, String stepId, int attempt, int maxAttempts, JsonObject op,
            boolean noRetry, String retryAfter) {
        String hash = op.getString("id");
        String kind = op.getString("op");
        String userId = op.get("displayName") instanceof JsonString ? op.getString("displayName")
                : op.get("name") instanceof JsonString ? op.getString("name") : hash;
        run.stepIds.putIfAbsent(hash, userId);
        JsonValue data = op.containsKey("data") ? op.get("data") : JsonValue.NULL;
        JsonObject opts = op.get("opts") instanceof JsonObject ? op.getJsonObject("opts") : JsonValue.EMPTY_JSON_OBJECT;
        switch (kind) {
            case "StepRun":
            case "Step":
                run.stepKinds.putIfAbsent(hash, "step.sendEvent".equals(opts.getString("type", "")) ? "sendEvent" : "run");
                ex.record(run, hash, "completed", data, null, attempt, null);
                ex.complete(run, hash, kind.equals("Step") ? data : Json.createObjectBuilder().add("data", data).build());
                break;
            case "StepError": {
                run.stepKinds.putIfAbsent(hash, "run");
                JsonObject error = op.getJsonObject("error");
                if (!noRetry && attempt + 1 < maxAttempts) {
                    ex.record(run, hash, "errored", null, error, attempt, null);
                    ex.queueCall(run, stepId, attempt + 1, ex.retryDelay(retryAfter, attempt));
                } else {
                    ex.record(run, hash, "failed", null, error, attempt, null);
                    ex.complete(run, hash, Json.createObjectBuilder().add("error", error).build());
                }
                break;
            }
            case "StepFailed": {
                run.stepKinds.putIfAbsent(hash, "run");
                JsonObject error = op.getJsonObject("error");
                ex.record(run, hash, "failed", null, error, attempt, null);
                ex.complete(run, hash, Json.createObjectBuilder().add("error", error).build());
                break;
            }
            case "StepPlanned":
                run.stepKinds.putIfAbsent(hash, "step.sendEvent".equals(opts.getString("type", "")) ? "sendEvent" : "run");
                ex.queueCall(run, hash, 0, Duration.ZERO);
                break;
            case "Sleep": {
                run.stepKinds.putIfAbsent(hash, "sleep");
                String duration = opts.get("duration") instanceof JsonString ? opts.getString("duration")
                        : op.getString("name", "");
                Instant until = until(ex.now(), duration);
                ex.record(run, hash, "waiting", null, null, 0, "sleep until " + until);
                ex.sleep(run, hash, until);
                break;
            }
            case "WaitForEvent": {
                run.stepKinds.putIfAbsent(hash, "waitForEvent");
                String event = opts.get("event") instanceof JsonString ? opts.getString("event") : op.getString("name", "");
                String timeout = opts.getString("timeout", "");
                Instant expires = timeout.isEmpty() ? ex.now() : until(ex.now(), timeout);
                String condition = opts.get("if") instanceof JsonString ? opts.getString("if") : null;
                ex.record(run, hash, "waiting", null, null, 0, "wait for " + event
                        + (condition == null ? "" : " if " + condition) + " until " + expires);
                ex.waitFor(run, hash, event, condition, expires);
                break;
            }
            case "InvokeFunction": {
                run.stepKinds.putIfAbsent(hash, "invoke");
                String target = opts.getString("function_id");
                Instant expires = opts.get("timeout") instanceof JsonString ? until(ex.now(), opts.getString("timeout"))
                        : ex.now().plus(DEFAULT_INVOKE_TIMEOUT);
                ex.record(run, hash, "waiting", null, null, 0, "invoke " + target);
                ex.invoke(run, hash, target,
                        opts.get("payload") instanceof JsonObject ? opts.getJsonObject("payload") : JsonValue.EMPTY_JSON_OBJECT,
                        expires);
                break;
            }
            default:
                LOG.warning(() -> "INNGEST-X004 run " + run.id + ": op " + kind + " is not supported by the local executor");
        }
    }

    /** A sleep or timeout: a time string from now, or a date (values of 10 characters or more are tried as dates first). */
    static Instant until(Instant now, String value) {
        if (value.length() >= 10) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException notADate) {
                // a long duration such as "1w2d3h4m5s"
            }
        }
        return now.plus(TimeString.parse(value));
    }

    private static JsonObject error(String name, String message) {
        return Json.createObjectBuilder().add("name", name).add("message", message).build();
    }
}
