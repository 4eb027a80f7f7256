package dev.inngest.execution;

import static dev.inngest.testkit.CallBody.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.inngest.event.Event;
import dev.inngest.function.FunctionHandler;
import dev.inngest.function.FunctionOptions;
import dev.inngest.json.JsonMapper;
import dev.inngest.protocol.ServeResponse;
import dev.inngest.step.Invoke;
import dev.inngest.step.WaitForEvent;
import dev.inngest.testkit.Harness;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The op each step kind reports when it is new, field for field as the TypeScript SDK writes it. */
class StepOpsTest {

    private final Harness app = Harness.dev();

    private JsonObject onlyOp(FunctionHandler handler) {
        app.inngest.createFunction(FunctionOptions.builder("fn").triggerEvent("test/hello").build(), handler);
        ServeResponse r = app.post("fnId=my-app-fn&stepId=step", call().build());
        assertEquals(206, r.status(), r.bodyText());
        JsonArray ops = (JsonArray) Harness.json(r);
        assertEquals(1, ops.size(), r.bodyText());
        assertNull(r.header("X-Inngest-No-Retry"));
        return ops.getJsonObject(0);
    }

    private static JsonObject parse(String json) {
        return (JsonObject) JsonMapper.parse(json);
    }

    @Test
    void sleepSendsTheDurationAsNameAndOption() {
        JsonObject op = onlyOp((ctx, step) -> {
            step.sleep("nap", Duration.ofMinutes(90));
            return null;
        });
        assertEquals(parse("{\"displayName\":\"nap\",\"op\":\"Sleep\",\"id\":\"c2640f79b4ed481b838ce4ad75330aa3f825d4d9\","
                + "\"name\":\"1h30m\",\"opts\":{\"duration\":\"1h30m\"},\"userland\":{\"id\":\"nap\"},\"data\":null}"), op);
    }

    @Test
    void compoundTimeStringsAreNotLost() {
        JsonObject op = onlyOp((ctx, step) -> {
            step.sleep("nap", "1h30m");
            return null;
        });
        assertEquals("1h30m", op.getString("name"));
        assertEquals("1h30m", op.getJsonObject("opts").getString("duration"));
    }

    @Test
    void sleepUntilSendsAnIsoInstantWithMilliseconds() {
        JsonObject op = onlyOp((ctx, step) -> {
            step.sleepUntil("until", Instant.parse("2030-01-02T03:04:05.678Z"));
            return null;
        });
        assertEquals("b310f4d4d89b8570184b9777ad7d90fc1df20457", op.getString("id"));
        assertEquals("2030-01-02T03:04:05.678Z", op.getString("name"));
        assertEquals("2030-01-02T03:04:05.678Z", op.getJsonObject("opts").getString("duration"));
    }

    @Test
    void sleepUntilConvertsOffsetAndZonedTimesToUtc() {
        JsonObject offset = onlyOp((ctx, step) -> {
            step.sleepUntil("until", OffsetDateTime.of(2030, 1, 2, 5, 4, 5, 0, ZoneOffset.ofHours(2)));
            return null;
        });
        assertEquals("2030-01-02T03:04:05.000Z", offset.getString("name"));
    }

    @Test
    void sleepUntilZoned() {
        JsonObject zoned = onlyOp((ctx, step) -> {
            step.sleepUntil("until", ZonedDateTime.of(2030, 7, 1, 9, 0, 0, 0, ZoneId.of("Europe/Paris")));
            return null;
        });
        assertEquals("2030-07-01T07:00:00.000Z", zoned.getString("name"));
    }

    @Test
    void waitForEventWithMatch() {
        JsonObject op = onlyOp((ctx, step) -> step.waitForEvent("w",
                WaitForEvent.event("test/x").timeout("1d").match("data.id")));
        assertEquals(parse("{\"displayName\":\"w\",\"op\":\"WaitForEvent\",\"id\":\"aff024fe4ab0fece4091de044c58c9ae4233383a\","
                + "\"name\":\"test/x\",\"opts\":{\"event\":\"test/x\",\"timeout\":\"1d\",\"if\":\"event.data.id == async.data.id\"},"
                + "\"userland\":{\"id\":\"w\"},\"data\":null}"), op);
    }

    @Test
    void waitForEventWithCondition() {
        JsonObject op = onlyOp((ctx, step) -> step.waitForEvent("w-if",
                WaitForEvent.event("test/x").timeout(Duration.ofHours(2)).condition("async.data.ok == true")));
        assertEquals("6aee19be405e147e062f5e3fb54b267380debb42", op.getString("id"));
        assertEquals(parse("{\"event\":\"test/x\",\"timeout\":\"2h\",\"if\":\"async.data.ok == true\"}"),
                op.getJsonObject("opts"));
    }

    @Test
    void invokeOfThisAppsFunction() {
        JsonObject op = onlyOp((ctx, step) -> step.invoke("inv",
                Invoke.function("other").data(Map.of("foo", 1)).timeout("1h"), String.class));
        assertEquals(parse("{\"displayName\":\"inv\",\"op\":\"InvokeFunction\",\"id\":\"a22c81f9e58d3e183314100cda7df50c66582b16\","
                + "\"opts\":{\"function_id\":\"my-app-other\",\"payload\":{\"data\":{\"foo\":1}},\"timeout\":\"1h\"},"
                + "\"userland\":{\"id\":\"inv\"},\"data\":null}"), op);
    }

    @Test
    void invokeOfAnotherAppsFunctionWithoutTimeout() {
        JsonObject op = onlyOp((ctx, step) -> step.invoke("inv-ref",
                Invoke.function("other-app", "remote-fn").data(Map.of("bar", 2)), Object.class));
        assertEquals("ef39f62c53e293a6d9173282224257ff8cd1f678", op.getString("id"));
        assertEquals(parse("{\"function_id\":\"other-app-remote-fn\",\"payload\":{\"data\":{\"bar\":2}}}"),
                op.getJsonObject("opts"));
        assertFalse(op.containsKey("name"));
    }

    @Test
    void sendEventRunsAtOnceAndRecordsTheIds() {
        JsonObject op = onlyOp((ctx, step) -> step.sendEvent("send", Event.of("test/sent", Map.of("a", 1))));
        assertEquals("37ed539c0cef13959abd980bebf30f4922f606e3", op.getString("id"));
        assertEquals("StepRun", op.getString("op"));
        assertEquals("sendEvent", op.getString("name"));
        assertEquals("send", op.getString("displayName"));
        assertEquals(parse("{\"type\":\"step.sendEvent\"}"), op.getJsonObject("opts"));
        assertEquals(parse("{\"ids\":[\"01EVT1\"]}"), op.getJsonObject("data"));
        assertEquals(1, app.sentEvents.size());
        assertEquals("test/sent", app.sentEvents.get(0).get(0).name());
        assertEquals(1, app.sentEvents.get(0).get(0).data().getInt("a"));
    }

    @Test
    void memoizedSendEventReturnsTheIdsWithoutSendingAgain() {
        app.inngest.createFunction(FunctionOptions.builder("fn").triggerEvent("test/hello").build(),
                (ctx, step) -> step.sendEvent("send", Event.of("test/sent", Map.of())));
        ServeResponse r = app.post("fnId=my-app-fn", call()
                .data("37ed539c0cef13959abd980bebf30f4922f606e3", parse("{\"ids\":[\"A\",\"B\"]}")).build());
        assertEquals(200, r.status());
        assertEquals(Json.createArrayBuilder().add("A").add("B").build(), Harness.json(r));
        assertEquals(0, app.sentEvents.size());
    }

    @Test
    void runReturningNothingRecordsNull() {
        JsonObject op = onlyOp((ctx, step) -> {
            step.run("u", () -> { });
            return null;
        });
        assertEquals("51e69892ab49df85c6230ccc57f8e1d1606caccc", op.getString("id"));
        assertEquals(JsonValue.NULL, op.get("data"));
        assertEquals(parse("{\"id\":\"u\"}"), op.getJsonObject("userland"));
    }

    @Test
    void runOpCarriesTimingAndAllTsFields() {
        JsonObject op = onlyOp((ctx, step) -> step.run("a", Map.class, () -> Map.of("hello", "world")));
        assertEquals("86f7e437faa5a7fce15d1ddcb9eaeaea377667b8", op.getString("id"));
        assertEquals(Harness.NOW.toEpochMilli() * 1_000_000L, op.getJsonObject("timing").getJsonNumber("a").longValue());
        JsonObject withoutTiming = Json.createObjectBuilder(op).remove("timing").build();
        assertEquals(parse("{\"id\":\"86f7e437faa5a7fce15d1ddcb9eaeaea377667b8\",\"op\":\"StepRun\",\"name\":\"a\",\"opts\":{},"
                + "\"displayName\":\"a\",\"userland\":{\"id\":\"a\"},\"data\":{\"hello\":\"world\"}}"), withoutTiming);
    }

    @Test
    void waitForEventOptionalIsEmptyOnTimeoutAndHoldsTheEventWhenMatched() {
        app.inngest.createFunction(FunctionOptions.builder("fn").triggerEvent("test/hello").build(), (ctx, step) -> {
            Optional<Event> e = step.waitForEvent("w", WaitForEvent.event("test/x").timeout("1d"));
            return e.map(ev -> ev.name() + ":" + ev.data().getBoolean("ok")).orElse("timed out");
        });
        ServeResponse timedOut = app.post("fnId=my-app-fn",
                call().raw("aff024fe4ab0fece4091de044c58c9ae4233383a", JsonValue.NULL).build());
        assertEquals(Json.createValue("timed out"), Harness.json(timedOut));
        ServeResponse matched = app.post("fnId=my-app-fn", call().raw("aff024fe4ab0fece4091de044c58c9ae4233383a",
                parse("{\"data\":{\"id\":\"abc\",\"ok\":true},\"id\":\"01HEVTX\",\"name\":\"test/x\",\"ts\":1700000001000,\"user\":{}}"))
                .build());
        assertEquals(Json.createValue("test/x:true"), Harness.json(matched));
    }

    public record Payment(String name, Map<String, Object> data) {
    }

    @Test
    void waitForEventMapsTheWholeEventToAUserType() {
        app.inngest.createFunction(FunctionOptions.builder("fn").triggerEvent("test/hello").build(),
                (ctx, step) -> step.waitForEvent("w", Payment.class, WaitForEvent.event("test/x").timeout("1d"))
                        .map(p -> p.name() + "/" + p.data().get("orderId")).orElse("none"));
        ServeResponse r = app.post("fnId=my-app-fn", call().raw("aff024fe4ab0fece4091de044c58c9ae4233383a",
                parse("{\"name\":\"test/x\",\"data\":{\"orderId\":\"o-1\"},\"ts\":1}")).build());
        assertEquals(Json.createValue("test/x/o-1"), Harness.json(r));
    }

    @Test
    void repeatedIdsInALoopAreNumbered() {
        app.inngest.createFunction(FunctionOptions.builder("fn").triggerEvent("test/hello").build(), (ctx, step) -> {
            for (int i = 0; i < 3; i++) {
                step.sleep("nap", "1m");
            }
            return "slept 3x";
        });
        String[] hashes = {"c2640f79b4ed481b838ce4ad75330aa3f825d4d9", "4c1a76ee534e6db993378c3dec34a370466ff91a",
            "856983ad2d7c23fa48f4c50d4f3f8c55a7590ac0"};
        var body = call();
        for (int i = 0; i < 3; i++) {
            ServeResponse r = app.post("fnId=my-app-fn", body.build());
            JsonObject op = ((JsonArray) Harness.json(r)).getJsonObject(0);
            assertEquals(hashes[i], op.getString("id"));
            if (i > 0) {
                assertEquals(i, op.getJsonObject("userland").getInt("index"));
            }
            body.raw(hashes[i], JsonValue.NULL);
        }
        assertEquals(Json.createValue("slept 3x"), Harness.json(app.post("fnId=my-app-fn", body.build())));
    }
}
