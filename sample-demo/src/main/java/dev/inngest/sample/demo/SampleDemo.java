package dev.inngest.sample.demo;

import dev.inngest.executor.ExecutorServer;
import dev.inngest.executor.LocalExecutor;
import dev.inngest.executor.Run;
import dev.inngest.executor.RunStatus;
import dev.inngest.executor.StepRecord;
import dev.inngest.executor.Timeline;
import dev.inngest.executor.VirtualClock;
import jakarta.json.Json;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the sample's workflows for real: the sample WAR on Payara Micro, and the local executor in this
 * JVM playing the Inngest dev server (the app finds it through {@code INNGEST_DEV}). It places a paid and
 * an unpaid order, syncs an offline warehouse, runs the nightly cleanup, prints each run's timeline as it
 * completes, and exits 0 once every run has finished as expected.
 *
 * <p>Time is virtual: a five-minute sleep or a one-hour payment timeout passes at once, so the whole demo
 * takes seconds. {@code --serve} keeps everything running afterwards, on real time, for your own events.
 *
 * <pre>{@code java SampleDemo --payara payara-micro.jar --war sample.war [--port 8080] [--executor-port 8288] [--serve]}</pre>
 */
public final class SampleDemo {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final VirtualClock clock = VirtualClock.startingNow();
    private final LocalExecutor executor = new LocalExecutor(clock, null, Duration.ofSeconds(10));
    private final URI app;

    private SampleDemo(URI app) {
        this.app = app;
    }

    /**
     * @param args {@code --payara <jar> --war <war>} and optional {@code --port}, {@code --executor-port}, {@code --serve}
     * @throws Exception when the demo cannot run; the exit code is 1 when a run ends unexpectedly
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int port = Integer.parseInt(opts.getOrDefault("port", "8080"));
        int executorPort = Integer.parseInt(opts.getOrDefault("executor-port", "8288"));
        SampleDemo demo = new SampleDemo(URI.create("http://127.0.0.1:" + port + "/"));
        demo.executor.addListener(new LocalExecutor.Listener() {
            @Override
            public void onFinished(Run run) {
                System.out.println(Timeline.of(run));
            }
        });
        try (ExecutorServer server = ExecutorServer.start(demo.executor, executorPort)) {
            Process payara = startPayara(opts.get("payara"), opts.get("war"), port, server.url());
            Runtime.getRuntime().addShutdownHook(new Thread(payara::destroy));
            int code;
            try {
                code = demo.run();
                if (opts.containsKey("serve")) {
                    System.out.println("Serving: the app at " + demo.app + "api/inngest, the executor at " + server.url()
                            + " (send events to " + server.url() + "e/dev). Ctrl-C to stop.");
                    payara.waitFor();
                }
            } finally {
                payara.destroy();
                payara.waitFor(30, TimeUnit.SECONDS);
            }
            System.exit(code);
        }
    }

    private int run() throws Exception {
        System.out.println("Waiting for Payara Micro to serve " + app + "api/inngest ...");
        waitForApp();
        HttpResponse<String> sync = send(HttpRequest.newBuilder(app.resolve("api/inngest"))
                .header("X-Inngest-Server-Kind", "dev").PUT(HttpRequest.BodyPublishers.ofString("{}")));
        System.out.println("Synced the app: " + sync.body() + " -> functions " + executor.functionIds() + "\n");

        String paid = "A-" + clock.millis() % 100000;
        String unpaid = "B-" + clock.millis() % 100000;
        placeOrder(paid, 4200);
        placeOrder(unpaid, 1999);
        post("shop/inventory.sync", "{\"warehouse\":\"offline\"}");
        executor.fireCron("sample-app-daily-cleanup");

        boolean paymentSent = false;
        Instant deadline = clock.instant().plus(Duration.ofDays(2));
        while (true) {
            executor.runUntilIdle();
            if (!paymentSent && waitingForPayment(paid)) {
                System.out.println("Order " + paid + " is waiting for its payment: sending stripe/payment.succeeded\n");
                executor.send(List.of(Json.createObjectBuilder().add("name", "stripe/payment.succeeded")
                        .add("data", Json.createObjectBuilder().add("orderId", paid).add("amount", 4200)).build()));
                paymentSent = true;
                continue;
            }
            if (!executor.hasRunning()) {
                break;
            }
            Instant next = executor.nextDue();
            if (next == null || next.isAfter(deadline)) {
                System.out.println("Some runs did not finish.");
                return 1;
            }
            clock.set(next);
        }
        return verdict(paid, unpaid);
    }

    private int verdict(String paid, String unpaid) {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("process-order " + paid, "completed");
        expected.put("process-order " + unpaid, "cancelled");
        List<String> problems = new ArrayList<>();
        for (Run r : executor.runs("sample-app-process-order")) {
            String orderId = r.event().getJsonObject("data").getString("orderId");
            String want = expected.get("process-order " + orderId);
            String got = r.output() == null ? r.status().toString() : r.output().asJsonObject().getString("status");
            if (want != null && !want.equals(got)) {
                problems.add("order " + orderId + " ended " + got + ", expected " + want);
            }
        }
        require(problems, "sample-app-prepare-shipment", RunStatus.COMPLETED);
        require(problems, "sample-app-compute-shipping-cost", RunStatus.COMPLETED);
        require(problems, "sample-app-sync-inventory", RunStatus.FAILED);
        require(problems, "sample-app-sync-inventory-failure", RunStatus.COMPLETED);
        require(problems, "sample-app-daily-cleanup", RunStatus.COMPLETED);
        System.out.println(executor.runs().size() + " runs finished in " + "virtual time; "
                + (problems.isEmpty() ? "every workflow ended as expected." : "PROBLEMS: " + problems));
        return problems.isEmpty() ? 0 : 1;
    }

    private void require(List<String> problems, String function, RunStatus status) {
        List<Run> runs = executor.runs(function);
        if (runs.isEmpty() || runs.stream().anyMatch(r -> r.status() != status)) {
            problems.add(function + " should have ended " + status + ": "
                    + runs.stream().map(r -> r.status().toString()).toList());
        }
    }

    private boolean waitingForPayment(String orderId) {
        for (Run r : executor.runs("sample-app-process-order")) {
            if (orderId.equals(r.event().getJsonObject("data").getString("orderId", ""))) {
                List<StepRecord> wait = r.stepHistory("wait-for-payment");
                return !wait.isEmpty() && wait.get(wait.size() - 1).status().equals("waiting");
            }
        }
        return false;
    }

    private void placeOrder(String orderId, long amount) throws Exception {
        String order = "{\"orderId\":\"" + orderId + "\",\"userId\":\"u-42\",\"amount\":" + amount + "}";
        HttpResponse<String> r = send(HttpRequest.newBuilder(app.resolve("api/orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(order)));
        System.out.println("POST /api/orders " + order + " -> " + r.statusCode() + " " + r.body());
    }

    private void post(String name, String data) {
        executor.send(List.of(Json.createObjectBuilder().add("name", name)
                .add("data", Json.createReader(new java.io.StringReader(data)).readObject()).build()));
        System.out.println("Sent " + name + " " + data);
    }

    private void waitForApp() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < end) {
            try {
                if (send(HttpRequest.newBuilder(app.resolve("api/inngest")).GET()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Payara is still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Payara Micro did not serve " + app + "api/inngest within 4 minutes");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Process startPayara(String jar, String war, int port, URI executor) throws IOException {
        if (jar == null || war == null || !new File(jar).isFile() || !new File(war).isFile()) {
            throw new IllegalArgumentException("--payara <payara-micro.jar> and --war <sample.war> must name files");
        }
        Path log = Files.createTempFile("payara-micro-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-jar", jar, "--nocluster", "--deploy", war,
                "--contextroot", "/", "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("INNGEST_DEV", executor.toString());
        System.out.println("Starting Payara Micro (log: " + log + ") with INNGEST_DEV=" + executor);
        return pb.start();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
                out.put(key, hasValue ? args[++i] : "true");
            }
        }
        return out;
    }
}
