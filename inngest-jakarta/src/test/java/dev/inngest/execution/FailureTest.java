package dev.inngest.execution;

import static dev.inngest.testkit.CallBody.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.error.NonRetriableException;
import dev.inngest.error.RetryAfterException;
import dev.inngest.error.StepError;
import dev.inngest.function.Backoff;
import dev.inngest.function.FunctionHandler;
import dev.inngest.function.FunctionOptions;
import dev.inngest.json.JsonMapper;
import dev.inngest.protocol.ServeResponse;
import dev.inngest.step.Invoke;
import dev.inngest.testkit.CallBody;
import dev.inngest.testkit.Harness;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Errors in steps and in function code, on each attempt and on the last one. */
class FailureTest {

    private static final String ERR = "eb35c321d6997c344882962b8aa1cd0939b123e1";

    private final Harness app = Harness.dev();

    private ServeResponse serve(FunctionOptions.Builder options, FunctionHandler handler, CallBody body) {
        app.inngest.createFunction(options.triggerEvent("test/hello").build(), handler);
        return app.post("fnId=my-app-fn&stepId=step", body.build());
    }

    private ServeResponse serve(FunctionHandler handler, CallBody body) {
        return serve(FunctionOptions.builder("fn"), handler, body);
    }

    private static JsonObject op(ServeResponse r) {
        return ((JsonArray) Harness.json(r)).getJsonObject(0);
    }

    private static FunctionHandler stepThrows(Exception e) {
        return (ctx, step) -> step.run("err", String.class, () -> {
            throw e;
        });
    }

    @Test
    void aStepErrorBeforeTheLastAttemptIsRetried() {
        ServeResponse r = serve(stepThrows(new IOException("step failed")), call().attempt(0, 3));
        assertEquals(206, r.status());
        assertEquals("false", r.header("X-Inngest-No-Retry"));
        assertNull(r.header("Retry-After"));
        JsonObject op = op(r);
        assertEquals("StepError", op.getString("op"));
        assertEquals(ERR, op.getString("id"));
        assertEquals(JsonValue.NULL, op.get("data"));
        JsonObject error = op.getJsonObject("error");
        assertEquals("IOException", error.getString("name"));
        assertEquals("step failed", error.getString("message"));
        assertTrue(error.getString("stack").contains("java.io.IOException: step failed"));
        assertTrue(error.getBoolean("__serialized"));
    }

    @Test
    void aStepErrorOnTheLastAttemptFailsTheStep() {
        ServeResponse r = serve(stepThrows(new IOException("step failed")), call().attempt(2, 3));
        assertEquals(206, r.status());
        assertEquals("true", r.header("X-Inngest-No-Retry"));
        JsonObject op = op(r);
        assertEquals("StepFailed", op.getString("op"));
        assertEquals("step failed", op.getJsonObject("error").getString("message"));
        assertEquals(JsonMapper.parse("{\"__serialized\":true,\"name\":\"IOException\",\"message\":\"step failed\",\"stack\":\"\"}"),
                op.getJsonObject("data"));
    }

    @Test
    void nonRetriableInAStepFailsAtOnce() {
        ServeResponse r = serve(stepThrows(new NonRetriableException("step said no")), call().attempt(0, 3));
        assertEquals("true", r.header("X-Inngest-No-Retry"));
        assertEquals("StepFailed", op(r).getString("op"));
        assertEquals("NonRetriableError", op(r).getJsonObject("error").getString("name"));
    }

    @Test
    void retryAfterInAStepSetsTheHeader() {
        ServeResponse r = serve(stepThrows(new RetryAfterException("step later", Duration.ofSeconds(30))), call());
        assertEquals("StepError", op(r).getString("op"));
        assertEquals("RetryAfterError", op(r).getJsonObject("error").getString("name"));
        assertEquals("false", r.header("X-Inngest-No-Retry"));
        assertEquals("30", r.header("Retry-After"));
    }

    @Test
    void backoffOfTheFunctionSetsRetryAfterOfStepErrors() {
        FunctionOptions.Builder options = FunctionOptions.builder("fn").retries(5)
                .backoff(Backoff.exponential("10s", 2.0, "1m"));
        ServeResponse r = serve(options, stepThrows(new IOException("flaky")), call().attempt(2, 6));
        assertEquals("40", r.header("Retry-After"));
        ServeResponse capped = app.post("fnId=my-app-fn&stepId=step", call().attempt(4, 6).build());
        assertEquals("60", capped.header("Retry-After"));
    }

    @Test
    void anExplicitRetryAfterWinsOverTheBackoff() {
        FunctionOptions.Builder options = FunctionOptions.builder("fn").backoff(Backoff.exponential("10s", 2.0, "1m"));
        ServeResponse r = serve(options, stepThrows(new RetryAfterException("later", Duration.ofMillis(1500))), call());
        assertEquals("2", r.header("Retry-After"));
    }

    @Test
    void functionErrorsAreRetriedUntilTheLastAttempt() {
        FunctionHandler throwing = (ctx, step) -> {
            throw new IllegalStateException("fn failed");
        };
        ServeResponse first = serve(throwing, call().attempt(0, 3));
        assertEquals(500, first.status());
        assertEquals("false", first.header("X-Inngest-No-Retry"));
        JsonObject error = (JsonObject) Harness.json(first);
        assertEquals("IllegalStateException", error.getString("name"));
        assertEquals("fn failed", error.getString("message"));

        ServeResponse last = app.post("fnId=my-app-fn", call().attempt(2, 3).build());
        assertEquals(400, last.status());
        assertEquals("true", last.header("X-Inngest-No-Retry"));
    }

    @Test
    void functionNonRetriableAndRetryAfter() {
        ServeResponse nr = serve((ctx, step) -> {
            throw new NonRetriableException("fn said no");
        }, call());
        assertEquals(400, nr.status());
        assertEquals("true", nr.header("X-Inngest-No-Retry"));
        assertEquals("NonRetriableError", ((JsonObject) Harness.json(nr)).getString("name"));
    }

    @Test
    void functionRetryAfterWithAnInstant() {
        ServeResponse r = serve((ctx, step) -> {
            throw new RetryAfterException("fn later", Instant.parse("2030-01-02T03:04:05.678Z"));
        }, call());
        assertEquals(500, r.status());
        assertEquals("false", r.header("X-Inngest-No-Retry"));
        assertEquals("2030-01-02T03:04:05.678Z", r.header("Retry-After"));
    }

    @Test
    void causesAreSerialized() {
        ServeResponse r = serve((ctx, step) -> {
            throw new IllegalStateException("outer", new IOException("inner"));
        }, call());
        JsonObject cause = ((JsonObject) Harness.json(r)).getJsonObject("cause");
        assertEquals("IOException", cause.getString("name"));
        assertEquals("inner", cause.getString("message"));
    }

    private static final JsonObject MEMO_ERROR = (JsonObject) JsonMapper.parse(
            "{\"name\":\"Error\",\"message\":\"step failed\",\"stack\":\"Error: step failed\\n    at fake.js:1:1\",\"__serialized\":true}");

    @Test
    void aFailedStepThatEscapesFailsTheRunWithItsOriginalError() {
        ServeResponse r = serve(stepThrows(new IOException("never runs")), call().error(ERR, MEMO_ERROR));
        assertEquals(400, r.status());
        assertEquals("true", r.header("X-Inngest-No-Retry"));
        assertEquals(MEMO_ERROR, Harness.json(r));
    }

    @Test
    void aFailedStepCanBeCaught() {
        ServeResponse r = serve((ctx, step) -> {
            try {
                step.run("err", String.class, () -> "never runs");
                return "not reached";
            } catch (StepError e) {
                return e.stepId() + "|" + e.name() + "|" + e.getMessage() + "|" + e.stack().startsWith("Error: step failed");
            }
        }, call().error(ERR, MEMO_ERROR));
        assertEquals(200, r.status());
        assertEquals(Json.createValue("err|Error|step failed|true"), Harness.json(r));
    }

    @Test
    void userCodeCatchingExceptionDoesNotSwallowTheStepInterrupt() {
        ServeResponse r = serve((ctx, step) -> {
            try {
                step.sleep("nap", "1m");
            } catch (Exception e) {
                return "swallowed";
            }
            return "woke";
        }, call());
        assertEquals(206, r.status());
        assertEquals("Sleep", op(r).getString("op"));
    }

    @Test
    void aFailedOrTimedOutInvokeThrowsAStepErrorAtTheCallSite() {
        JsonObject timeout = (JsonObject) JsonMapper.parse("{\"name\":\"InngestInvokeTimeoutError\","
                + "\"message\":\"Timed out waiting for invoked function to complete\",\"error\":\"...\"}");
        ServeResponse r = serve((ctx, step) -> {
            try {
                return step.invoke("inv", Invoke.function("other"), String.class);
            } catch (StepError e) {
                return "caught " + e.name();
            }
        }, call().error("a22c81f9e58d3e183314100cda7df50c66582b16", timeout));
        assertEquals(Json.createValue("caught InngestInvokeTimeoutError"), Harness.json(r));
    }

    @Test
    void aSuccessfulInvokeReturnsTheChildsResult() {
        ServeResponse r = serve((ctx, step) -> "child said " + step.invoke("inv", Invoke.function("other"), String.class),
                call().data("a22c81f9e58d3e183314100cda7df50c66582b16", Json.createValue("other-result")));
        assertEquals(Json.createValue("child said other-result"), Harness.json(r));
    }

    @Test
    void nestedStepsAreAnErrorOfTheOuterStep() {
        ServeResponse r = serve((ctx, step) -> step.run("outer", String.class,
                () -> step.run("inner", String.class, () -> "x")), call());
        JsonObject op = op(r);
        assertEquals("StepError", op.getString("op"));
        assertTrue(op.getJsonObject("error").getString("message").contains("cannot be nested"));
    }

    private record NotPublic(int a) {
    }

    @Test
    void aResultThatCannotBeMappedToJsonIsARetriableFunctionError() {
        ServeResponse r = serve((ctx, step) -> new NotPublic(1), call());
        assertEquals(500, r.status());
        assertEquals("false", r.header("X-Inngest-No-Retry"));
        assertTrue(((JsonObject) Harness.json(r)).getString("message").contains("NotPublic"), r.bodyText());
    }
}
