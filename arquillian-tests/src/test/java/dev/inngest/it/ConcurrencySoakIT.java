package dev.inngest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.Inngest;
import dev.inngest.cdi.InngestFunction;
import dev.inngest.it.soak.SoakFunctions;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 256 concurrent workers call the serve endpoint of a small WAR for a fixed time, each call a different run of
 * the same function: its own run id, event id and event data, and memoized steps of its own (0 to all of them),
 * built as the Inngest server builds call bodies. Every answer must be a success and belong to its own run:
 * the step it ran, or the function's output, carries the run's id, tag and checksums, and confirms that every
 * memoized result the function read was this run's. No errors, no cross-talk.
 *
 * <p>Bounded: {@code soak.seconds} (default 20) of calls, at most {@code soak.maxRequests} (default 500,000).
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrencySoakIT {

    private static final int WORKERS = 256;
    private static final String FN = "soak-app-echo";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "ROOT.war")
            .addPackage(SoakFunctions.class.getPackage())
            .addAsWebInfResource(new StringAsset(ItSupport.IBM_WEB_EXT), "ibm-web-ext.xml")
            .addAsResource(new StringAsset("inngest.app-id=soak-app\ninngest.dev=true\n"),
                "META-INF/microprofile-config.properties")
            .addAsLibraries(ItSupport.moduleJar(Inngest.class, "inngest-jakarta.jar"),
                ItSupport.moduleJar(InngestFunction.class, "inngest-cdi.jar"));
    }

    @Test
    void concurrentRunsGetTheirOwnAnswersAndNoErrors() throws Exception {
        long seconds = Long.getLong("soak.seconds", 20);
        long maxRequests = Long.getLong("soak.maxRequests", 500_000);
        URI serve = ItSupport.resolve(base, "/api/inngest?fnId=" + FN + "&stepId=step");
        assertEquals(200, ItSupport.send(base, "GET", "/api/inngest", java.util.Map.of(), null).statusCode());

        AtomicLong requests = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                pool.execute(() -> {
                    for (int k = 0; System.nanoTime() < deadline && requests.incrementAndGet() <= maxRequests; k++) {
                        String problem = callOnce(serve, worker, k, completed);
                        if (problem != null) {
                            errors.incrementAndGet();
                            if (firstErrors.size() < 10) {
                                firstErrors.add(problem);
                            }
                        }
                    }
                });
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(pool.awaitTermination(seconds + 120, TimeUnit.SECONDS), "workers still busy after the soak");
        double took = (System.nanoTime() - started) / 1e9;
        long done = Math.min(requests.get(), maxRequests);
        System.out.printf(java.util.Locale.ROOT, "ConcurrencySoakIT: %d workers, %d calls (%d runs completed) in %.1f s"
            + " (%.0f calls/s), %d errors%n", WORKERS, done, completed.get(), took, done / took, errors.get());
        assertEquals(0, errors.get(), "errors (first ones): " + firstErrors);
        assertTrue(done >= WORKERS, "only " + done + " calls in " + seconds + " s");
    }

    /** One call of a run of its own; returns what was wrong with the answer, or null. */
    private static String callOnce(URI serve, int worker, int k, AtomicLong completed) {
        String runId = "run-" + worker + "-" + k + "-" + UUID.randomUUID();
        String tag = UUID.randomUUID().toString();
        int salt = worker * 100_003 + k;
        int memoized = Math.floorMod(k + worker, SoakFunctions.STEPS + 1);
        byte[] body = body(runId, tag, salt, memoized);
        HttpResponse<String> r;
        try {
            r = HTTP.send(HttpRequest.newBuilder(serve).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return runId + ": " + e;
        }
        try {
            if (memoized < SoakFunctions.STEPS) {
                if (r.statusCode() != 206) {
                    return runId + ": status " + r.statusCode() + " " + r.body();
                }
                JsonArray ops = ItSupport.array(r.body());
                JsonObject op = ops.getJsonObject(0);
                JsonObject data = op.getJsonObject("data");
                boolean own = ops.size() == 1 && op.getString("op").equals("StepRun")
                    && op.getString("id").equals(ItSupport.stepHash("step-" + memoized))
                    && data.getString("runId").equals(runId) && data.getString("tag").equals(tag)
                    && data.getInt("index") == memoized && data.getInt("matched") == memoized
                    && data.getJsonNumber("check").longValue() == SoakFunctions.check(tag, memoized, salt);
                return own ? null : runId + " got another run's step: " + r.body();
            }
            if (r.statusCode() != 200) {
                return runId + ": status " + r.statusCode() + " " + r.body();
            }
            JsonObject out = ItSupport.object(r.body());
            long checksum = 0;
            for (int i = 0; i < SoakFunctions.STEPS; i++) {
                checksum += SoakFunctions.check(tag, i, salt);
            }
            boolean own = out.getString("runId").equals(runId) && out.getString("eventId").equals("evt-" + runId)
                && out.getString("tag").equals(tag) && out.getInt("matched") == SoakFunctions.STEPS
                && out.getJsonNumber("checksum").longValue() == checksum;
            if (own) {
                completed.incrementAndGet();
            }
            return own ? null : runId + " got another run's output: " + r.body();
        } catch (RuntimeException e) {
            return runId + ": unreadable answer " + r.statusCode() + " " + r.body() + ": " + e;
        }
    }

    /** A call body as the server builds it: this run's event, and its first {@code memoized} step results. */
    private static byte[] body(String runId, String tag, int salt, int memoized) {
        StringBuilder steps = new StringBuilder();
        StringBuilder stack = new StringBuilder();
        for (int i = 0; i < memoized; i++) {
            String hash = ItSupport.stepHash("step-" + i);
            String sep = i == 0 ? "" : ",";
            steps.append(sep).append('"').append(hash).append("\":{\"data\":{\"check\":")
                .append(SoakFunctions.check(tag, i, salt)).append(",\"index\":").append(i).append(",\"matched\":")
                .append(i).append(",\"runId\":\"").append(runId).append("\",\"tag\":\"").append(tag).append("\"}}");
            stack.append(sep).append('"').append(hash).append('"');
        }
        String event = "{\"data\":{\"salt\":" + salt + ",\"tag\":\"" + tag + "\"},\"id\":\"evt-" + runId
            + "\",\"name\":\"soak/go\",\"ts\":1700000000000,\"user\":{}}";
        return ("{\"ctx\":{\"attempt\":0,\"disable_immediate_execution\":false,\"fn_id\":\"" + UUID.randomUUID()
            + "\",\"max_attempts\":5,\"run_id\":\"" + runId + "\",\"stack\":{\"current\":" + memoized
            + ",\"stack\":[" + stack + "]},\"step_id\":\"step\",\"use_api\":false},\"event\":" + event
            + ",\"events\":[" + event + "],\"steps\":{" + steps + "},\"use_api\":false,\"version\":2}")
            .getBytes(StandardCharsets.UTF_8);
    }
}
