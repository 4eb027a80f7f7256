package dev.inngest.api;

import static dev.inngest.api.LoopbackServer.drop;
import static dev.inngest.api.LoopbackServer.json;
import static dev.inngest.api.LoopbackServer.reset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.Inngest;
import dev.inngest.InngestConfig;
import dev.inngest.Sdk;
import dev.inngest.event.Event;
import dev.inngest.json.JsonMapper;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Event sending over real HTTP with RESTEasy's MicroProfile Rest Client, faults injected at the socket. */
class EventSendRestClientTest {

    private static final String EVENT_KEY = "evtkey-secret-0123456789";
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Pattern SEED = Pattern.compile("\\d+,[A-Za-z0-9+/]{14}==");
    private static final String OK = "{\"ids\":[\"01A\"],\"status\":200}";

    private LoopbackServer server;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final List<Inngest> clients = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() throws IOException {
        clients.forEach(Inngest::close);
        server.close();
    }

    private Inngest inngest(UnaryOperator<InngestConfig.Builder> config) {
        InngestConfig c = config.apply(InngestConfig.builder("shop").dev(false).signingKey(
                "signkey-test-8ee2262a15e8d3c42d6a840db7af3de2aab08ef632b32a37a687f24b34dba3ff")
                .eventKey(EVENT_KEY).eventApiBaseUrl(server.baseUri())
                .readTimeout(Duration.ofMillis(500))).build();
        Inngest i = Inngest.builder(c).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .sendRetries(RetryPolicy.defaults().withSleeper(waits::add)).build();
        clients.add(i);
        return i;
    }

    private Inngest inngest() {
        return inngest(b -> b);
    }

    private static JsonArray body(LoopbackServer.Request r) {
        return (JsonArray) JsonMapper.parse(r.body());
    }

    private void assertOneSeedForAll(int attempts) {
        List<String> seeds = server.headerValues("x-inngest-event-id-seed");
        assertEquals(attempts, seeds.size(), "attempts");
        assertTrue(SEED.matcher(seeds.get(0)).matches(), seeds.get(0));
        assertTrue(seeds.get(0).startsWith(NOW.toEpochMilli() + ","), seeds.get(0));
        assertEquals(Collections.nCopies(attempts, seeds.get(0)), seeds, "every attempt carries the same seed");
    }

    @Test
    void sendsOneEventTheWayProtocolMdSays() {
        server.then(json(200, "{\"ids\":[\"01J1\"],\"status\":200}"));
        List<String> ids = inngest().send("test/sent", Map.of("a", 1));

        assertEquals(List.of("01J1"), ids);
        LoopbackServer.Request r = server.requests().get(0);
        assertEquals("POST", r.method());
        assertEquals("/e/" + EVENT_KEY, r.path());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        assertEquals(Sdk.USER_AGENT, r.header("X-Inngest-SDK"));
        assertEquals(Sdk.USER_AGENT, r.header("User-Agent"));
        assertNull(r.header("X-Inngest-Env"));
        assertNull(r.header("Authorization"));
        assertOneSeedForAll(1);
        assertEquals(JsonMapper.parse("[{\"name\":\"test/sent\",\"data\":{\"a\":1},\"ts\":" + NOW.toEpochMilli() + "}]"),
                body(r));
    }

    @Test
    void sendsMetadataAndKeepsTheEventsOwnTimestamp() {
        server.then(json(200, "{\"ids\":[\"01J2\"],\"status\":200}"));
        Event e = Event.builder("shop/order.created").data(Map.of("orderId", "o-1")).id("order-o-1")
                .user(Map.of("email", "a@example.com")).ts(1_700_000_000_000L).v("2024-01-01.1").build();

        assertEquals(List.of("01J2"), inngest().send(e));
        assertEquals(JsonMapper.parse("[{\"name\":\"shop/order.created\",\"data\":{\"orderId\":\"o-1\"},"
                + "\"id\":\"order-o-1\",\"ts\":1700000000000,\"user\":{\"email\":\"a@example.com\"},"
                + "\"v\":\"2024-01-01.1\"}]"), body(server.requests().get(0)));
    }

    @Test
    void sendsABatchInOneRequestWithDefaultsFilledIn() {
        server.then(json(200, "{\"ids\":[\"01A\",\"01B\",\"01C\"],\"status\":200}"));
        List<String> ids = inngest().send(Event.of("a/one", null), Event.builder("a/two").ts(5L).build(),
                Event.of("a/three", Map.of("n", 3)));

        assertEquals(List.of("01A", "01B", "01C"), ids);
        assertEquals(1, server.requests().size());
        JsonArray sent = body(server.requests().get(0));
        assertEquals(3, sent.size());
        assertEquals(JsonMapper.parse("{}"), sent.getJsonObject(0).getJsonObject("data"));
        assertEquals(NOW.toEpochMilli(), sent.getJsonObject(0).getJsonNumber("ts").longValue());
        assertEquals(5L, sent.getJsonObject(1).getJsonNumber("ts").longValue());
        assertEquals(NOW.toEpochMilli(), sent.getJsonObject(2).getJsonNumber("ts").longValue());
    }

    @Test
    void sendsTheEnvironmentHeaderWhenSet() {
        server.then(json(200, OK));
        inngest(b -> b.env("feature-x")).send("a/b", null);
        assertEquals("feature-x", server.requests().get(0).header("X-Inngest-Env"));
    }

    @Test
    void devModeWithoutAKeySendsTheDevPlaceholder() {
        server.then(json(200, OK));
        InngestConfig c = InngestConfig.builder("shop").dev(true).eventApiBaseUrl(server.baseUri()).build();
        try (Inngest i = Inngest.builder(c).build()) {
            i.send("a/b", null);
        }
        assertEquals("/e/NO_EVENT_KEY_SET", server.requests().get(0).path());
    }

    @Test
    void cloudModeWithoutAKeyFailsBeforeSending() {
        EventSendException e = assertThrows(EventSendException.class,
                () -> inngest(b -> b.eventKey(null)).send("a/b", null));
        assertTrue(e.getMessage().startsWith("INNGEST-V001"), e.getMessage());
        assertTrue(e.getMessage().contains("INNGEST_EVENT_KEY"), e.getMessage());
        assertEquals(0, e.attempts());
        assertEquals(0, server.requests().size());
    }

    @Test
    void sendsAsynchronouslyOnTheGivenExecutor() throws Exception {
        server.then(json(200, "{\"ids\":[\"01A\",\"01B\"],\"status\":200}"));
        AtomicInteger runs = new AtomicInteger();
        InngestConfig c = InngestConfig.builder("shop").dev(true).eventApiBaseUrl(server.baseUri()).build();
        try (Inngest i = Inngest.builder(c).executor(r -> {
            runs.incrementAndGet();
            new Thread(r).start();
        }).build()) {
            List<String> ids = i.sendAsync(Event.of("a/one", null), Event.of("a/two", null))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(List.of("01A", "01B"), ids);
        }
        assertEquals(1, runs.get());
    }

    @Test
    void asyncFailuresCompleteTheStageExceptionally() throws Exception {
        server.then(json(400, "{\"ids\":[],\"status\":400,\"error\":\"event name is empty\"}"));
        Throwable failure = inngest().sendAsync("a/b", null).handle((ids, t) -> t)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(failure.getCause() instanceof EventSendException, String.valueOf(failure));
        assertEquals(400, ((EventSendException) failure.getCause()).status());
    }

    @Test
    void aBadEventKeyIsNotRetriedAndTheMessageSaysWhyWithoutTheKey() {
        server.then(json(401, "{\"status\":401,\"message\":\"\",\"error\":\"Event key not found\"}"));
        EventSendException e = assertThrows(EventSendException.class, () -> inngest().send("a/b", null));

        assertEquals(1, server.requests().size());
        assertEquals(401, e.status());
        assertEquals("Event key not found", e.serverError());
        assertEquals(1, e.attempts());
        assertTrue(e.getMessage().startsWith("INNGEST-V005"), e.getMessage());
        assertTrue(e.getMessage().contains("401") && e.getMessage().contains("Event key not found"), e.getMessage());
        assertTrue(e.getMessage().contains("INNGEST_EVENT_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains(EVENT_KEY), e.getMessage());
        assertTrue(waits.isEmpty());
    }

    @Test
    void aBadRequestIsNotRetried() {
        server.then(json(400, "{\"ids\":[],\"status\":400,\"error\":\"event name is empty\"}"));
        EventSendException e = assertThrows(EventSendException.class, () -> inngest().send("a/b", null));
        assertEquals(1, server.requests().size());
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("event name is empty"), e.getMessage());
    }

    @Test
    void a500ThenSuccessDeliversOnceWithOneSeed() {
        server.then(json(500, "{\"error\":\"internal\"}"), json(200, OK));
        assertEquals(List.of("01A"), inngest().send("a/b", null));
        assertOneSeedForAll(2);
        assertEquals(server.requests().get(0).body(), server.requests().get(1).body());
        assertEquals(List.of(Duration.ofMillis(100)), waits);
    }

    @Test
    void a429ThenSuccessWaitsAtLeastRetryAfter() {
        server.then(json(429, "{\"error\":\"rate limited\"}", Map.of("Retry-After", "1")), json(200, OK));
        assertEquals(List.of("01A"), inngest().send("a/b", null));
        assertOneSeedForAll(2);
        assertEquals(List.of(Duration.ofSeconds(1)), waits);
    }

    @Test
    void aDroppedConnectionIsRetriedWithTheSameSeed() {
        server.then(drop(), json(200, OK));
        assertEquals(List.of("01A"), inngest().send("a/b", null));
        assertOneSeedForAll(2);
    }

    @Test
    void aResetConnectionIsRetriedWithTheSameSeed() {
        server.then(reset(), reset(), json(200, OK));
        assertEquals(List.of("01A"), inngest().send("a/b", null));
        assertOneSeedForAll(3);
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waits);
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsRetriedWithTheSameSeed() {
        server.then(server.stall(), json(200, OK));
        assertEquals(List.of("01A"), inngest(b -> b.readTimeout(Duration.ofMillis(300))).send("a/b", null));
        assertOneSeedForAll(2);
    }

    @Test
    void givesUpAfterFiveAttemptsWithBoundedBackOff() {
        server.otherwise(json(503, "{\"error\":\"unavailable\"}"));
        EventSendException e = assertThrows(EventSendException.class, () -> inngest().send("a/b", null));
        assertOneSeedForAll(5);
        assertEquals(5, e.attempts());
        assertEquals(503, e.status());
        assertTrue(e.getMessage().startsWith("INNGEST-V006"), e.getMessage());
        assertTrue(e.getMessage().contains("503") && e.getMessage().contains("unavailable"), e.getMessage());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(800)), waits);
    }

    @Test
    void anUnreachableServerFailsAfterEveryAttemptWithoutTheKey() throws IOException {
        URI closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
        }
        URI target = closed;
        EventSendException e = assertThrows(EventSendException.class,
                () -> inngest(b -> b.eventApiBaseUrl(target).connectTimeout(Duration.ofMillis(500)))
                        .send("a/b", null));
        assertEquals(5, e.attempts());
        assertEquals(0, e.status());
        assertEquals(4, waits.size());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(EVENT_KEY), t.toString());
        }
    }

    @Test
    void anOversizedEventIsRefusedBeforeSending() {
        String big = "x".repeat(InngestConfig.DEFAULT_MAX_EVENT_SIZE);
        EventSendException e = assertThrows(EventSendException.class,
                () -> inngest().send("a/big", Map.of("blob", big)));
        assertTrue(e.getMessage().startsWith("INNGEST-V003"), e.getMessage());
        assertTrue(e.getMessage().contains("a/big") && e.getMessage().contains("524288"), e.getMessage());
        assertEquals(0, server.requests().size());
    }

    @Test
    void aLargerLimitLetsALargerEventThrough() {
        server.then(json(200, OK));
        String big = "x".repeat(1024 * 1024);
        inngest(b -> b.maxEventSize(InngestConfig.ABSOLUTE_MAX_EVENT_SIZE)).send("a/big", Map.of("blob", big));
        assertEquals(1, server.requests().size());
        assertTrue(server.requests().get(0).body().length() > 1024 * 1024);
    }

    @Test
    void tooManyEventsAreRefusedBeforeSending() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            events.add(Event.of("a/many", null));
        }
        EventSendException e = assertThrows(EventSendException.class, () -> inngest().send(events));
        assertTrue(e.getMessage().startsWith("INNGEST-V002"), e.getMessage());
        assertEquals(0, server.requests().size());
    }

    @Test
    void aBatchOverTheRequestLimitIsRefusedBeforeSending() {
        String chunk = "x".repeat(500 * 1024);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            events.add(Event.of("a/chunk", Map.of("blob", chunk)));
        }
        EventSendException e = assertThrows(EventSendException.class, () -> inngest().send(events));
        assertTrue(e.getMessage().startsWith("INNGEST-V004"), e.getMessage());
        assertEquals(0, server.requests().size());
    }

    @Test
    void oneClientServesManySends() {
        server.otherwise(json(200, OK));
        Inngest i = inngest();
        for (int n = 0; n < 3; n++) {
            i.send("a/b", Map.of("n", n));
        }
        List<String> seeds = server.headerValues("x-inngest-event-id-seed");
        assertEquals(3, seeds.size());
        assertEquals(3, seeds.stream().distinct().count(), "each send has its own seed");
        JsonObject last = body(server.requests().get(2)).getJsonObject(0);
        assertEquals(2, last.getJsonObject("data").getInt("n"));
    }
}
