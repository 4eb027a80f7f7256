import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load generator of benchmarks/load.sh: a fixed number of workers send requests back to back over
 * loopback (JDK HttpClient, HTTP/1.1 keep-alive), first a warm-up, then a measured period, against the
 * serve endpoint of the bench WAR (load-test/) and against a bare JAX-RS endpoint in the same WAR that reads
 * the same body and answers the same bytes. Prints requests per second and latency percentiles.
 *
 * <pre>java benchmarks/load/LoadGenerator.java http://127.0.0.1:8089 [workers] [warm-up s] [measured s] [max requests per run]
 *     [cases, e.g. 1,2, or ""] [app server pid, for its CPU time per request]</pre>
 *
 * Bounded: every run stops at its measured time or at the maximum request count, whichever comes first.
 */
public class LoadGenerator {

    record Case(String name, String method, String body, int expected) {
    }

    record Result(String caseName, String endpoint, long requests, long errors, double seconds, long[] latencies,
            double serverCpuSeconds) {
        double rps() {
            return requests / seconds;
        }

        /** The app server's CPU time per measured request, in µs; NaN when its pid was not given. */
        double serverCpuMicros() {
            return serverCpuSeconds / requests * 1e6;
        }

        double percentileMs(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, i))] / 1e6;
        }
    }

    /** The app server's pid, to read its CPU time from /proc; blank when not known. */
    static String serverPid = "";

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8089";
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int maxRequests = args.length > 4 ? Integer.parseInt(args[4]) : 2_000_000;
        String only = args.length > 5 ? args[5] : "";
        serverPid = args.length > 6 ? args[6] : "";
        awaitReady(base);

        List<Case> all = List.of(
            new Case("first call (0 memoized)", "POST", body(0), 206),
            new Case("mid-run (10 memoized)", "POST", body(10), 206),
            new Case("mid-run (100 memoized)", "POST", body(100), 206),
            new Case("introspection GET", "GET", null, 200));
        // CASES=1,2: only those cases (by position), for profiling one of them
        List<Case> cases = only.isBlank() ? all
            : java.util.Arrays.stream(only.split(",")).map(i -> all.get(Integer.parseInt(i.trim()))).toList();
        // the app server's JIT warms up on every path first (a fresh Payara on 2 cores needs more than one
        // warm-up period), so that the first case measured is not the one that paid for it
        System.out.println("warming up every case on both endpoints");
        List<URI[]> uris = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            URI serve = URI.create(base + (c.method().equals("GET") ? "/api/inngest"
                : "/api/inngest?fnId=bench-app-steps&stepId=step"));
            URI bare = URI.create(base + "/api/bare/case" + i);
            HttpResponse<byte[]> answer = send(serve, c.method(), c.body());
            if (answer.statusCode() != c.expected()) {
                throw new IllegalStateException(c.name() + ": serve answered " + answer.statusCode() + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8));
            }
            HTTP.send(HttpRequest.newBuilder(bare).PUT(HttpRequest.BodyPublishers.ofByteArray(answer.body())).build(),
                HttpResponse.BodyHandlers.discarding());
            System.out.printf(Locale.ROOT, "%s: body %,d bytes, answer %,d bytes%n", c.name(),
                c.body() == null ? 0 : c.body().length(), answer.body().length);
            uris.add(new URI[] {serve, bare});
            run(c, "warm", serve, c.expected(), workers, warmup, 1, maxRequests);
            run(c, "warm", bare, 200, workers, warmup, 1, maxRequests);
        }
        System.out.println("measuring");
        List<Result> results = new ArrayList<>();
        // serve and bare take turns in ROUNDS slices of the measured time, each after its own warm-up, so that
        // whatever else the machine does during the case weighs on both endpoints alike
        int rounds = Math.max(1, Integer.getInteger("rounds", 3));
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            List<Result> serve = new ArrayList<>();
            List<Result> bare = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                int slice = Math.max(1, measured / rounds);
                serve.add(run(c, "serve", uris.get(i)[0], c.expected(), workers, warmup / rounds, slice, maxRequests / rounds));
                bare.add(run(c, "bare", uris.get(i)[1], 200, workers, warmup / rounds, slice, maxRequests / rounds));
            }
            results.add(merge(serve));
            results.add(merge(bare));
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "%d workers; per row %d s measured in %d turns with the other endpoint, each after %d s warm-up%n",
            workers, measured, rounds, warmup / rounds);
        System.out.println("| case | endpoint | req/s | p50 ms | p90 ms | p99 ms | errors | server CPU µs/req | serve/bare |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < results.size(); i += 2) {
            Result s = results.get(i);
            Result b = results.get(i + 1);
            for (Result r : List.of(s, b)) {
                System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %.2f | %.2f | %.2f | %d | %.0f | %s |%n", r.caseName(),
                    r.endpoint(), r.rps(), r.percentileMs(50), r.percentileMs(90), r.percentileMs(99), r.errors(),
                    r.serverCpuMicros(),
                    r == s ? String.format(Locale.ROOT, "%.0f%%", 100 * s.rps() / b.rps()) : "");
            }
        }
        long errors = results.stream().mapToLong(Result::errors).sum();
        if (errors > 0) {
            System.err.println(errors + " requests failed");
            System.exit(1);
        }
    }

    /** Warm-up, then the measured period; each worker keeps its own latencies. */
    static Result run(Case c, String endpoint, URI uri, int expected, int workers, int warmup, int measured,
            int maxRequests) throws Exception {
        AtomicInteger phase = new AtomicInteger(0); // 0 warm-up, 1 measured, 2 stop
        int perWorker = Math.max(1, maxRequests / workers);
        long[][] latencies = new long[workers][perWorker];
        int[] counts = new int[workers];
        long[] errors = new long[workers];
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            int me = w;
            threads[w] = new Thread(() -> {
                while (phase.get() < 2) {
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = send(uri, c.method(), c.body()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long took = System.nanoTime() - t0;
                    if (phase.get() == 1) {
                        if (status != expected) {
                            errors[me]++;
                        }
                        if (counts[me] == perWorker) {
                            return;
                        }
                        latencies[me][counts[me]++] = took;
                    }
                }
            }, "load-" + w);
            threads[w].start();
        }
        Thread.sleep(warmup * 1000L);
        long start = System.nanoTime();
        double cpuStart = serverCpuSeconds();
        phase.set(1);
        Thread.sleep(measured * 1000L);
        phase.set(2);
        long end = System.nanoTime();
        double cpu = serverCpuSeconds() - cpuStart;
        for (Thread t : threads) {
            t.join(60_000);
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < workers; w++) {
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        Result r = new Result(c.name(), endpoint, total, Arrays.stream(errors).sum(), (end - start) / 1e9, all, cpu);
        System.out.printf(Locale.ROOT, "  %-24s %-5s %,10.0f req/s  p50 %.2f ms  p99 %.2f ms  errors %d  server CPU %.0f µs/req%n",
            c.name(), endpoint, r.rps(), r.percentileMs(50), r.percentileMs(99), r.errors(), r.serverCpuMicros());
        return r;
    }

    /** The rounds of one endpoint as one result: requests, errors, time and CPU added up, latencies pooled. */
    static Result merge(List<Result> rounds) {
        long requests = 0;
        long errors = 0;
        double seconds = 0;
        double cpu = 0;
        int n = 0;
        for (Result r : rounds) {
            requests += r.requests();
            errors += r.errors();
            seconds += r.seconds();
            cpu += r.serverCpuSeconds();
            n += r.latencies().length;
        }
        long[] all = new long[n];
        int at = 0;
        for (Result r : rounds) {
            System.arraycopy(r.latencies(), 0, all, at, r.latencies().length);
            at += r.latencies().length;
        }
        Arrays.sort(all);
        Result first = rounds.get(0);
        return new Result(first.caseName(), first.endpoint(), requests, errors, seconds, all, cpu);
    }

    /**
     * User plus system CPU time of the app server so far, from /proc/{pid}/stat (fields 14 and 15, in clock ticks
     * of 1/100 s, as on Linux), or NaN without a pid.
     */
    static double serverCpuSeconds() {
        if (serverPid.isBlank()) {
            return Double.NaN;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", serverPid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state (field 3); utime and stime are fields 14 and 15
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (java.io.IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    static HttpResponse<byte[]> send(URI uri, String method, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Polls the serve endpoint for up to 180 s while Payara Micro starts. */
    static void awaitReady(String base) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (true) {
            try {
                if (send(URI.create(base + "/api/inngest"), "GET", null).statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the bench WAR did not answer at " + base + "/api/inngest in 180 s");
            }
            Thread.sleep(500);
        }
    }

    /** A call body as the Inngest server builds it, with the first {@code memoized} steps memoized. */
    static String body(int memoized) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        StringBuilder steps = new StringBuilder();
        StringBuilder stack = new StringBuilder();
        for (int i = 0; i < memoized; i++) {
            String hash = HexFormat.of().formatHex(sha1.digest(("step-" + i).getBytes(StandardCharsets.UTF_8)));
            if (i > 0) {
                steps.append(',');
                stack.append(',');
            }
            steps.append('"').append(hash).append("\":{\"data\":{\"priceCents\":").append(100L * i)
                .append(",\"quantity\":").append(i).append(",\"sku\":\"sku-").append(i).append("\"}}");
            stack.append('"').append(hash).append('"');
        }
        String event = "{\"data\":{\"orderId\":\"o-1\"},\"id\":\"01LOAD\",\"name\":\"bench/go\",\"ts\":1,\"user\":{}}";
        return "{\"ctx\":{\"attempt\":0,\"disable_immediate_execution\":false,"
            + "\"fn_id\":\"00000000-0000-0000-0000-000000000000\",\"max_attempts\":5,\"run_id\":\"01LOADRUN\","
            + "\"stack\":{\"current\":" + memoized + ",\"stack\":[" + stack + "]},\"step_id\":\"step\",\"use_api\":false},"
            + "\"event\":" + event + ",\"events\":[" + event + "],\"steps\":{" + steps + "},\"use_api\":false,\"version\":2}";
    }
}
