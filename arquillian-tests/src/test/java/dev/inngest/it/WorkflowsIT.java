package dev.inngest.it;

import static dev.inngest.it.ItSupport.array;
import static dev.inngest.it.ItSupport.object;
import static dev.inngest.it.ItSupport.stepHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.executor.LocalExecutor;
import dev.inngest.executor.Run;
import dev.inngest.executor.RunStatus;
import dev.inngest.executor.StepRecord;
import dev.inngest.executor.VirtualClock;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real sample WAR, deployed once at the root context, in dev mode pointed at a {@link LocalExecutor}
 * ({@code inngest.dev=http://127.0.0.1:<port>}): the app syncs to the executor and sends its events there, and
 * the executor calls the app's real {@code /api/inngest} endpoint over HTTP, the way the Inngest server does.
 * Time is virtual: sleeps, waits, timeouts and retry delays pass with {@code advance}/{@code drain}, never on
 * the wall clock.
 *
 * <p>All tests share the deployment and the executor (one Payara Micro JVM per class), so each test uses its
 * own order ids and leaves no run unfinished.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowsIT {

    static final String APP = "sample-app";
    static final String PROCESS_ORDER = APP + "-process-order";
    static final String PREPARE_SHIPMENT = APP + "-prepare-shipment";
    static final String COMPUTE_COST = APP + "-compute-shipping-cost";
    static final String DAILY_CLEANUP = APP + "-daily-cleanup";
    static final String SYNC_INVENTORY = APP + "-sync-inventory";
    static final String SYNC_INVENTORY_FAILURE = APP + "-sync-inventory-failure";
    static final String HELLO = APP + "-hello";
    static final Set<String> ALL_FUNCTIONS = Set.of(PROCESS_ORDER, PREPARE_SHIPMENT, COMPUTE_COST, DAILY_CLEANUP,
        SYNC_INVENTORY, SYNC_INVENTORY_FAILURE, HELLO);

    private static ExecutorFixture inngest;

    @ArquillianResource
    URL base;

    /** Called by Arquillian before it deploys: starts the executor first, so its port goes into the config. */
    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        ServerLog.capture();
        inngest = ExecutorFixture.start(VirtualClock.startingNow(), null);
        return ItSupport.sampleWar(Map.of(
            "inngest.app-id", APP,
            "inngest.dev", inngest.url().toString()));
    }

    @AfterAll
    static void stopExecutor() {
        ServerLog.release();
        if (inngest != null) {
            inngest.close();
        }
    }

    /** Every test needs the app synced; the sync itself is asserted in {@link #syncRegistersEveryFunctionWithItsOptions}. */
    @BeforeEach
    void syncOnce() {
        if (inngest.executor.functionIds().isEmpty()) {
            HttpResponse<String> r = sync();
            assertEquals(200, r.statusCode(), r.body());
        }
    }

    private LocalExecutor executor() {
        return inngest.executor;
    }

    // ---- deployment, introspection, sync ----

    @Test
    @Order(1)
    void deployedAtRootContext() {
        assertEquals("/", base.getPath(), "base URL " + base);
    }

    @Test
    @Order(1)
    void readinessIsUpInDevMode() {
        HttpResponse<String> r = ItSupport.send(base, "GET", "/health/ready", Map.of(), null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("UP", object(r.body()).getString("status"), r.body());
        assertTrue(r.body().contains("\"inngest\""), r.body());
    }

    @Test
    @Order(2)
    void introspectionInDevModeShowsNoSecrets() {
        HttpResponse<String> r = ItSupport.send(base, "GET", "/api/inngest", Map.of(), null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        assertTrue(r.headers().firstValue("X-Inngest-SDK").orElse("").startsWith("inngest-jakarta:v"), r.headers().toString());
        assertEquals("2", r.headers().firstValue("X-Inngest-Req-Version").orElse(null));
        assertTrue(r.headers().firstValue("X-Inngest-Signature").isEmpty(), "dev mode signs nothing");
        JsonObject expected = Json.createObjectBuilder()
            .add("extra", Json.createObjectBuilder().add("is_streaming", false))
            .add("has_event_key", false)
            .add("has_signing_key", false)
            .add("has_signing_key_fallback", false)
            .add("function_count", ALL_FUNCTIONS.size())
            .add("mode", "dev")
            .add("schema_version", "2024-05-24")
            .build();
        assertEquals(expected, object(r.body()));
    }

    @Test
    @Order(3)
    void syncRegistersEveryFunctionWithItsOptions() {
        int before = inngest.received("POST", "/fn/register").size();
        HttpResponse<String> r = sync();
        assertEquals(200, r.statusCode(), r.body());
        JsonObject answer = object(r.body());
        assertEquals("Successfully synced.", answer.getString("message"), r.body());
        assertEquals(JsonValue.TRUE, answer.get("modified"), r.body());
        assertEquals("out_of_band", r.headers().firstValue("X-Inngest-Sync-Kind").orElse(null));

        // what the app sent to "Inngest"
        List<ExecutorFixture.Received> registers = inngest.received("POST", "/fn/register");
        assertEquals(before + 1, registers.size(), "one POST /fn/register per sync");
        ExecutorFixture.Received register = registers.get(registers.size() - 1);
        assertEquals("out_of_band", register.headers().get("X-Inngest-Sync-Kind"));
        assertEquals("dev", register.headers().get("X-Inngest-Expected-Server-Kind"));
        assertNull(register.headers().get("Authorization"), "dev mode without a key sends no Authorization");
        JsonObject body = object(register.body());
        String appUrl = ItSupport.resolve(base, "/api/inngest").toString();
        assertEquals(APP, body.getString("appName"));
        assertEquals(appUrl, body.getString("url"));
        assertEquals("ping", body.getString("deployType"));
        assertTrue(body.getString("sdk").startsWith("inngest-jakarta:v"), body.getString("sdk"));

        Map<String, JsonObject> fns = new TreeMap<>();
        for (JsonValue v : body.getJsonArray("functions")) {
            fns.put(((JsonObject) v).getString("id"), (JsonObject) v);
        }
        assertEquals(ALL_FUNCTIONS, fns.keySet());
        // what the executor took from it
        assertEquals(ALL_FUNCTIONS, Set.copyOf(executor().functionIds()));
        fns.forEach((id, fn) -> assertEquals(appUrl + "?fnId=" + id + "&stepId=step",
            fn.getJsonObject("steps").getJsonObject("step").getJsonObject("runtime").getString("url"), id));

        JsonObject order = fns.get(PROCESS_ORDER);
        assertEquals("Process order", order.getString("name"));
        assertEquals(array("[{\"event\":\"shop/order.created\"}]"), order.getJsonArray("triggers"));
        assertEquals(array("[{\"key\":\"event.data.userId\",\"limit\":10}]"), order.getJsonArray("concurrency"));
        assertEquals(3, retries(order));
        assertEquals(array("[{\"event\":\"shop/order.cancelled\",\"if\":\"event.data.orderId == async.data.orderId\"}]"),
            order.getJsonArray("cancel"));

        JsonObject shipment = fns.get(PREPARE_SHIPMENT);
        assertEquals(array("[{\"event\":\"shop/shipment.requested\"}]"), shipment.getJsonArray("triggers"));
        assertEquals(object("{\"limit\":20,\"period\":\"1m\"}"), shipment.getJsonObject("throttle"));
        assertNull(retries(shipment), "no @Retries: the server's default applies");

        assertEquals(array("[{\"event\":\"shop/shipping.cost.requested\"}]"), fns.get(COMPUTE_COST).getJsonArray("triggers"));
        assertEquals(array("[{\"cron\":\"0 0 * * *\"}]"), fns.get(DAILY_CLEANUP).getJsonArray("triggers"));
        assertEquals(array("[{\"event\":\"shop/inventory.sync\"}]"), fns.get(SYNC_INVENTORY).getJsonArray("triggers"));
        assertEquals(2, retries(fns.get(SYNC_INVENTORY)));
        assertEquals(array("[{\"event\":\"inngest/function.failed\",\"expression\":\"event.data.function_id == '"
            + SYNC_INVENTORY + "'\"}]"), fns.get(SYNC_INVENTORY_FAILURE).getJsonArray("triggers"));
        assertEquals("Say hello", fns.get(HELLO).getString("name"));
        assertEquals(array("[{\"event\":\"demo/hello\"}]"), fns.get(HELLO).getJsonArray("triggers"));
    }

    // ---- (a) the order workflow end to end ----

    @Test
    @Order(10)
    void aPaidOrderSleepsWaitsForItsPaymentAndShipsWithAnInvokedCost() {
        String orderId = newOrderId("paid");
        HttpResponse<String> placed = placeOrder(orderId);
        assertEquals(202, placed.statusCode(), placed.body());
        assertEquals(array("[\"order-" + orderId + "\"]"), object(placed.body()).getJsonArray("ids"),
            "the event id the app chose, as the executor's event API answered it");
        assertTrue(inngest.received("POST", "/e/").stream().anyMatch(e -> e.body().contains("\"order-" + orderId + "\"")),
            "the app sent shop/order.created to the event API");

        Run run = awaitRun(PROCESS_ORDER, orderId);
        executor().runUntilIdle();
        run = executor().run(run.id());
        assertEquals(RunStatus.RUNNING, run.status());
        assertEquals("completed", run.step("validate-order").orElseThrow().status());
        assertEquals("waiting", run.step("wait-for-processing").orElseThrow().status());
        assertEquals("validated", orderStatus(orderId));

        executor().advance(Duration.ofMinutes(4));
        assertTrue(executor().run(run.id()).step("wait-for-payment").isEmpty(), "still sleeping after 4 of 5 minutes");
        executor().advance(Duration.ofMinutes(1));
        assertEquals("waiting", executor().run(run.id()).step("wait-for-payment").orElseThrow().status());

        // someone else's payment, through the executor's event API over HTTP: no match
        HttpResponse<String> other = ItSupport.send(inngest.executorUrl().resolve("e/test-key"), "POST",
            Map.of("Content-Type", "application/json"),
            "[{\"name\":\"stripe/payment.succeeded\",\"data\":{\"orderId\":\"someone-else\"}}]".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, other.statusCode(), other.body());
        executor().runUntilIdle();
        assertEquals(RunStatus.RUNNING, executor().run(run.id()).status());

        executor().send("stripe/payment.succeeded", Json.createObjectBuilder().add("orderId", orderId).add("amount", 4200).build());
        executor().runUntilIdle();

        Run done = executor().run(run.id());
        assertEquals(RunStatus.COMPLETED, done.status(), () -> inngest.describeCalls());
        assertEquals(object("{\"status\":\"completed\",\"orderId\":\"" + orderId + "\"}"), done.output());
        StepRecord payment = done.step("wait-for-payment").orElseThrow();
        assertEquals("completed", payment.status());
        assertEquals(orderId, ((JsonObject) payment.output()).getJsonObject("data").getString("orderId"));
        assertEquals("completed", done.step("mark-paid").orElseThrow().status());
        assertEquals("sendEvent", done.step("request-shipment").orElseThrow().kind());
        assertTrue(done.step("handle-timeout").isEmpty());

        // request-shipment went through the app's event client to the event API, and fanned out
        assertTrue(inngest.received("POST", "/e/").stream()
                .anyMatch(e -> e.body().contains("shop/shipment.requested") && e.body().contains(orderId)),
            "the app sent shop/shipment.requested");
        Run shipment = findRun(PREPARE_SHIPMENT, orderId).orElseThrow(() -> new AssertionError("no prepare-shipment run"));
        assertEquals(RunStatus.COMPLETED, shipment.status(), () -> inngest.describeCalls());
        long cost = 495L + Math.abs(orderId.hashCode() % 100); // ShippingWorkflows#computeShippingCost
        JsonObject shipped = (JsonObject) shipment.output();
        assertEquals(orderId, shipped.getString("orderId"));
        assertEquals("rsv-" + orderId, shipped.getString("reservation"));
        assertEquals("courier-for-" + orderId, shipped.getString("courier"));
        assertEquals(cost, shipped.getJsonNumber("costCents").longValueExact());

        // the parallel steps: planned together on discovery, then each run by a targeted call
        String reserve = stepHash("reserve-stock");
        String courier = stepHash("book-courier");
        List<ExecutorFixture.Call> calls = inngest.callsOf(shipment.id());
        ExecutorFixture.Call discovery = calls.get(0);
        assertEquals("step", discovery.stepId());
        assertEquals(206, discovery.status(), discovery.responseBody());
        JsonArray planned = (JsonArray) discovery.response();
        assertEquals(List.of("StepPlanned", "StepPlanned"), ops(planned, "op"));
        assertEquals(Set.of(reserve, courier), Set.copyOf(ops(planned, "id")));
        for (String hash : List.of(reserve, courier)) {
            List<ExecutorFixture.Call> targeted = calls.stream().filter(c -> hash.equals(c.stepId())).toList();
            assertEquals(1, targeted.size(), "one targeted call for " + hash);
            ExecutorFixture.Call c = targeted.get(0);
            assertEquals(JsonValue.TRUE, c.request().getJsonObject("ctx").get("disable_immediate_execution"));
            JsonArray ran = (JsonArray) c.response();
            assertEquals(List.of("StepRun"), ops(ran, "op"), c.responseBody());
            assertEquals(List.of(hash), ops(ran, "id"));
        }
        assertEquals("completed", shipment.step("reserve-stock").orElseThrow().status());
        assertEquals("completed", shipment.step("book-courier").orElseThrow().status());

        // the invoke: a child run of compute-shipping-cost, whose result is the step's value
        StepRecord invoke = shipment.step("compute-shipping-cost").orElseThrow();
        assertEquals("invoke", invoke.kind());
        assertEquals("completed", invoke.status());
        assertEquals(cost, ((JsonNumber) invoke.output()).longValueExact());
        Run child = executor().runs(COMPUTE_COST).stream()
            .filter(r -> r.event().getJsonObject("data").getJsonObject("_inngest").getString("correlation_id")
                .startsWith(shipment.id() + "."))
            .findFirst().orElseThrow(() -> new AssertionError("no compute-shipping-cost run"));
        assertEquals("inngest/function.invoked", child.event().getString("name"));
        assertEquals(orderId, child.event().getJsonObject("data").getString("orderId"));
        assertEquals(RunStatus.COMPLETED, child.status());
        assertEquals(cost, ((JsonNumber) child.output()).longValueExact());
        assertEquals("completed", shipment.step("mark-shipped").orElseThrow().status());

        assertEquals("shipped", orderStatus(orderId));
        assertFalse(executor().hasRunning());

        // ctx.logger(): one line per real execution, although process-order was called six times
        String validated = java.text.MessageFormat.format("validated order {0} of {1} cents", orderId, 4200L);
        String paid = "order " + orderId + " paid";
        ItSupport.await("the server to log \"" + paid + "\"", () -> ServerLog.text().contains(paid));
        assertEquals(1, ServerLog.count(validated), validated);
        assertEquals(1, ServerLog.count(paid), paid);
    }

    // ---- (b) payment timeout ----

    @Test
    @Order(20)
    void anUnpaidOrderIsCancelledWhenTheOneHourWaitTimesOut() {
        String orderId = newOrderId("unpaid");
        assertEquals(202, placeOrder(orderId).statusCode());
        Run run = awaitRun(PROCESS_ORDER, orderId);
        executor().runUntilIdle();
        executor().advance(Duration.ofMinutes(5));
        assertEquals("waiting", executor().run(run.id()).step("wait-for-payment").orElseThrow().status());
        executor().advance(Duration.ofMinutes(59));
        assertEquals(RunStatus.RUNNING, executor().run(run.id()).status(), "the wait lasts one hour");
        executor().advance(Duration.ofMinutes(1));

        Run done = executor().run(run.id());
        assertEquals(RunStatus.COMPLETED, done.status(), () -> inngest.describeCalls());
        assertEquals(object("{\"status\":\"cancelled\",\"orderId\":\"" + orderId + "\"}"), done.output());
        assertEquals("timed out", done.step("wait-for-payment").orElseThrow().status());
        assertEquals("completed", done.step("handle-timeout").orElseThrow().status());
        assertTrue(done.step("mark-paid").isEmpty());
        assertEquals(Duration.ofMinutes(65), Duration.between(done.startedAt(), done.endedAt()));
        assertEquals("cancelled", orderStatus(orderId));
        assertTrue(findRun(PREPARE_SHIPMENT, orderId).isEmpty(), "nothing shipped");
    }

    // ---- (c) retries, failure, failure handler ----

    @Test
    @Order(30)
    void anOfflineWarehouseIsRetriedTwiceThenFailsAndRaisesTheAlert() {
        String eventId = executor().send("shop/inventory.sync", Json.createObjectBuilder().add("warehouse", "offline").build());
        assertTrue(executor().drain(Duration.ofHours(1)), "every run finishes");

        Run run = runByEvent(SYNC_INVENTORY, eventId);
        assertEquals(RunStatus.FAILED, run.status(), () -> inngest.describeCalls());
        List<StepRecord> history = run.stepHistory("call-warehouse");
        assertEquals(List.of("errored", "errored", "failed"), history.stream().map(StepRecord::status).toList(),
            "@Retries(2): three attempts");
        assertEquals(List.of(0, 1, 2), history.stream().map(StepRecord::attempt).toList());
        for (StepRecord s : history) {
            assertEquals("warehouse offline does not answer", s.error().getString("message"), s.toString());
        }
        assertTrue(run.error().getString("message").contains("warehouse offline does not answer"), run.error().toString());
        List<ExecutorFixture.Call> calls = inngest.callsOf(run.id());
        assertEquals(List.of(0, 1, 2), calls.stream().limit(3)
            .map(c -> c.request().getJsonObject("ctx").getInt("attempt")).toList());
        assertEquals(3, calls.get(0).request().getJsonObject("ctx").getInt("max_attempts"));
        ExecutorFixture.Call last = calls.get(calls.size() - 1);
        assertEquals("true", last.responseHeaders().get("X-Inngest-No-Retry"), "the failed step ends the run: " + last);

        Run failure = executor().runs(SYNC_INVENTORY_FAILURE).stream()
            .filter(r -> run.id().equals(r.event().getJsonObject("data").getString("run_id", null)))
            .findFirst().orElseThrow(() -> new AssertionError("no sync-inventory-failure run"));
        assertEquals("inngest/function.failed", failure.event().getString("name"));
        assertEquals(SYNC_INVENTORY, failure.event().getJsonObject("data").getString("function_id"));
        assertEquals(RunStatus.COMPLETED, failure.status(), () -> inngest.describeCalls());
        assertEquals("ALERT inventory sync failed: " + run.error().getString("message"), failure.output(String.class));
        assertEquals("completed", failure.step("raise-alert").orElseThrow().status());

        // the same function with a warehouse that answers
        String ok = executor().send("shop/inventory.sync", Json.createObjectBuilder().add("warehouse", "main").build());
        executor().runUntilIdle();
        Run synced = runByEvent(SYNC_INVENTORY, ok);
        assertEquals(RunStatus.COMPLETED, synced.status());
        assertEquals(42, synced.output(Integer.class));
    }

    // ---- (d) cancellation ----

    @Test
    @Order(40)
    void aCancelledOrderStopsWhileItSleeps() {
        String orderId = newOrderId("cancelled");
        assertEquals(202, placeOrder(orderId).statusCode());
        Run run = awaitRun(PROCESS_ORDER, orderId);
        executor().runUntilIdle();
        assertEquals("waiting", executor().run(run.id()).step("wait-for-processing").orElseThrow().status());

        executor().send("shop/order.cancelled", Json.createObjectBuilder().add("orderId", "someone-else").build());
        assertEquals(RunStatus.RUNNING, executor().run(run.id()).status(), "another order's cancellation");
        executor().send("shop/order.cancelled", Json.createObjectBuilder().add("orderId", orderId).build());
        Run cancelled = executor().run(run.id());
        assertEquals(RunStatus.CANCELLED, cancelled.status());

        executor().advance(Duration.ofHours(2));
        Run later = executor().run(run.id());
        assertEquals(RunStatus.CANCELLED, later.status());
        assertEquals(cancelled.calls(), later.calls(), "the app is not called again");
        assertTrue(later.step("wait-for-payment").isEmpty());
        assertEquals("validated", orderStatus(orderId));
        assertTrue(executor().events().stream().anyMatch(e -> e.getString("name").equals("inngest/function.cancelled")
            && run.id().equals(e.getJsonObject("data").getString("run_id"))));
    }

    // ---- (e) cron, and an event through the executor's HTTP event API ----

    @Test
    @Order(50)
    void theDailyCleanupRunsWhenItsCronFires() {
        String runId = executor().fireCron(DAILY_CLEANUP);
        executor().runUntilIdle();
        Run run = executor().run(runId);
        assertEquals(RunStatus.COMPLETED, run.status(), () -> inngest.describeCalls());
        assertEquals(0, run.output(Integer.class));
        assertEquals("inngest/scheduled.timer", run.event().getString("name"));
        assertEquals("0 0 * * *", run.event().getJsonObject("data").getString("cron"));
        assertEquals("completed", run.step("purge-abandoned-carts").orElseThrow().status());
    }

    @Test
    @Order(55)
    void helloAnswersAnEventSentToTheEventApi() {
        HttpResponse<String> sent = ItSupport.send(inngest.executorUrl().resolve("e/some-key"), "POST",
            Map.of("Content-Type", "application/json"),
            "[{\"name\":\"demo/hello\",\"data\":{\"name\":\"Ada\"}}]".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, sent.statusCode(), sent.body());
        String eventId = object(sent.body()).getJsonArray("ids").getString(0);
        executor().runUntilIdle();
        Run run = runByEvent(HELLO, eventId);
        assertEquals(RunStatus.COMPLETED, run.status(), () -> inngest.describeCalls());
        assertEquals("Hello Ada (run " + run.id() + ")", run.output(String.class));
    }

    // ---- (f) memoization as the protocol has it ----

    @Test
    @Order(60)
    void aMemoizedRunReplaysWithEachStepReportedOnce() {
        String orderId = newOrderId("replay");
        assertEquals(202, placeOrder(orderId).statusCode());
        Run run = awaitRun(PROCESS_ORDER, orderId);
        executor().runUntilIdle();
        executor().advance(Duration.ofMinutes(5));
        executor().send("stripe/payment.succeeded", Json.createObjectBuilder().add("orderId", orderId).build());
        assertTrue(executor().drain(Duration.ofHours(1)));
        Run done = executor().run(run.id());
        assertEquals(RunStatus.COMPLETED, done.status(), () -> inngest.describeCalls());

        List<String> order = List.of("validate-order", "wait-for-processing", "wait-for-payment", "mark-paid",
            "request-shipment");
        List<String> hashes = order.stream().map(ItSupport::stepHash).toList();
        List<ExecutorFixture.Call> calls = inngest.callsOf(run.id());
        assertEquals(order.size() + 1, calls.size(), "one call per step, then the one that returns: " + inngest.describeCalls());
        assertEquals(calls.size(), done.calls());
        List<String> reported = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            ExecutorFixture.Call c = calls.get(i);
            JsonObject req = c.request();
            assertEquals("step", c.stepId(), "no parallel steps here, so no targeted calls");
            // the request carries every step completed so far, in completion order
            JsonObject stack = req.getJsonObject("ctx").getJsonObject("stack");
            assertEquals(hashes.subList(0, i), stack.getJsonArray("stack").getValuesAs(JsonString::getString), "call " + i);
            assertEquals(i, stack.getInt("current"));
            assertEquals(Set.copyOf(hashes.subList(0, i)), req.getJsonObject("steps").keySet(), "call " + i);
            assertEquals(i == 0 ? -1 : 2, req.getInt("version"), "the request version is locked by the first 206");
            if (i > 0) {
                JsonObject memo = req.getJsonObject("steps").getJsonObject(hashes.get(0));
                assertEquals(orderId, memo.getJsonObject("data").getString("orderId"), "validate-order's memoized value");
            }
            if (i < calls.size() - 1) {
                assertEquals(206, c.status(), c.responseBody());
                assertEquals("2", c.responseHeaders().get("X-Inngest-Req-Version"));
                JsonArray ops = (JsonArray) c.response();
                assertEquals(1, ops.size(), c.responseBody());
                reported.addAll(ops(ops, "id"));
                kinds.addAll(ops(ops, "op"));
            } else {
                assertEquals(200, c.status(), c.responseBody());
            }
        }
        assertEquals(hashes, reported, "each step reported exactly once: memoized steps are not run again");
        assertEquals(List.of("StepRun", "Sleep", "WaitForEvent", "StepRun", "StepRun"), kinds);
        assertEquals(1, done.stepHistory("validate-order").size());
        assertEquals("completed", done.stepHistory("validate-order").get(0).status());
        assertEquals(order, done.steps().stream().map(StepRecord::id).distinct().toList());
    }

    // ---- helpers ----

    private HttpResponse<String> sync() {
        return ItSupport.send(base, "PUT", "/api/inngest", Map.of("X-Inngest-Server-Kind", "dev"), "");
    }

    private HttpResponse<String> placeOrder(String orderId) {
        return ItSupport.send(base, "POST", "/api/orders", Map.of("Content-Type", "application/json"),
            "{\"orderId\":\"" + orderId + "\",\"userId\":\"u-1\",\"amount\":4200}");
    }

    private String orderStatus(String orderId) {
        HttpResponse<String> r = ItSupport.send(base, "GET", "/api/orders/" + orderId, Map.of(), null);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject o = object(r.body());
        assertEquals(orderId, o.getString("orderId"));
        return o.getString("status");
    }

    private static String newOrderId(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Optional<Run> findRun(String functionId, String orderId) {
        return executor().runs(functionId).stream()
            .filter(r -> orderId.equals(r.event().getJsonObject("data").getString("orderId", null)))
            .reduce((a, b) -> b);
    }

    /** The app sends the event while it answers the POST; poll with a bound in case a runtime does it later. */
    private Run awaitRun(String functionId, String orderId) {
        ItSupport.await(functionId + " run for " + orderId, () -> findRun(functionId, orderId).isPresent());
        return findRun(functionId, orderId).orElseThrow();
    }

    private Run runByEvent(String functionId, String eventId) {
        return executor().runs(functionId).stream().filter(r -> eventId.equals(r.event().getString("id")))
            .findFirst().orElseThrow(() -> new AssertionError("no " + functionId + " run for event " + eventId));
    }

    private static Integer retries(JsonObject fn) {
        JsonObject step = fn.getJsonObject("steps").getJsonObject("step");
        return step.containsKey("retries") ? step.getJsonObject("retries").getInt("attempts") : null;
    }

    private static List<String> ops(JsonArray ops, String field) {
        return ops.stream().map(v -> ((JsonObject) v).getString(field)).collect(Collectors.toList());
    }
}
