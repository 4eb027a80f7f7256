package dev.inngest.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.Inngest;
import dev.inngest.function.Concurrency;
import dev.inngest.function.FunctionOptions;
import dev.inngest.function.Singleton;
import dev.inngest.function.Trigger;
import dev.inngest.protocol.ServeRequest;
import dev.inngest.protocol.ServeResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InngestExtensionTest {

    private static Runnable restore;
    private static WeldContainer weld;

    @BeforeAll
    static void start() {
        restore = WeldContainers.properties(Map.of("inngest.app-id", "test-app", "inngest.dev", "true"));
        weld = WeldContainers.start(HelloFunctions.class, FailingFunctions.class);
    }

    @AfterAll
    static void stop() {
        weld.shutdown();
        restore.run();
        WeldContainers.resetConfig();
    }

    private static Inngest inngest() {
        return weld.select(Inngest.class).get();
    }

    private static FunctionOptions options(String id) {
        return inngest().functions().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow().options();
    }

    @Test
    void inngestIsOneInjectableInstanceWithEveryFunction() {
        assertSame(inngest(), inngest());
        assertEquals("test-app", inngest().config().appId());
        assertEquals(4, inngest().functions().size());
    }

    @Test
    void annotationsBecomeFunctionOptions() {
        FunctionOptions o = options("hello");
        assertEquals("Say hello", o.name());
        assertEquals(java.util.List.of(Trigger.event("demo/hello"), Trigger.event("demo/hi", "event.data.name != ''")),
                o.triggers());
        assertEquals(java.util.List.of(Concurrency.limit(2).key("event.data.name"),
                Concurrency.limit(10).key("event.data.team").scope(Concurrency.Scope.ENV)), o.concurrency());
        assertEquals(5, o.rateLimit().limit());
        assertEquals(Duration.ofHours(1), o.rateLimit().period());
        assertEquals(2, o.throttle().burst());
        assertEquals("event.data.name == async.data.name", o.cancelOn().get(0).condition());
        assertEquals(Duration.ofDays(1), o.cancelOn().get(0).timeout());
        assertEquals(3, o.retries());
        assertEquals(Duration.ofMinutes(10), o.backoff().maxInterval());
        assertEquals("event.data.name", o.idempotency());
        assertEquals("120", o.priority());
        assertEquals(Duration.ofHours(1), o.timeouts().finish());
        assertEquals(Singleton.Mode.CANCEL, o.singleton().mode());
        assertNotNull(o.onFailure());

        FunctionOptions nightly = options("nightly");
        assertEquals("nightly", nightly.name());
        assertEquals(Trigger.cron("0 0 * * *"), nightly.triggers().get(0));
        assertEquals(10, nightly.batchEvents().maxSize());
        assertEquals(null, nightly.throttle());
    }

    @Test
    void postCallsTheBeanMethodWithContextStepAndEventData() {
        HelloFunctions.CALLS.clear();
        String body = """
            {"event":{"name":"demo/hello","data":{"name":"Ada"}},"events":[{"name":"demo/hello","data":{"name":"Ada"}}],
             "steps":{},"ctx":{"run_id":"r1","attempt":0,"stack":{"stack":[]}}}""";
        ServeResponse r = inngest().handler().handle(new ServeRequest("POST",
                URI.create("http://localhost/api/inngest?fnId=test-app-hello&stepId=step"),
                Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8)));
        assertTrue(r.status() == 206 || r.status() == 200, r.status() + " " + r.bodyText());
        assertTrue(r.bodyText().contains("Hello Ada"), r.bodyText());
        assertEquals(java.util.List.of("hello Ada r1"), HelloFunctions.CALLS);
    }

    @Test
    void failureHandlerCallsTheNamedMethod() throws Exception {
        HelloFunctions.CALLS.clear();
        options("hello").onFailure().run(null, null);
        assertEquals(java.util.List.of("failed"), HelloFunctions.CALLS);
    }

    @Test
    void exceptionsOfTheMethodPropagateUnchanged() {
        FailingFunctions.OrderRejected e = org.junit.jupiter.api.Assertions.assertThrows(
                FailingFunctions.OrderRejected.class,
                () -> inngest().functions().stream().filter(f -> f.id().equals("reject")).findFirst().orElseThrow()
                        .handler().run(null, null));
        assertEquals("no stock", e.getMessage());
        // the method's own InvocationTargetException is its exception, not a wrapper to take off
        java.lang.reflect.InvocationTargetException own = org.junit.jupiter.api.Assertions.assertThrows(
                java.lang.reflect.InvocationTargetException.class,
                () -> inngest().functions().stream().filter(f -> f.id().equals("reflective")).findFirst().orElseThrow()
                        .handler().run(null, null));
        assertEquals("from the user's code", own.getMessage());
    }
}
