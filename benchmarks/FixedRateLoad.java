import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Fixed-rate (open-model) HTTP load for benchmarks/compare.sh: Debian has no wrk2. As in wrk2, request i
 * is due at start + i / rate whatever happened to the earlier ones, at most {@value #CONNECTIONS} are in
 * flight (wrk2's connections; a due request waits for a free one), and its latency is measured from its
 * due time, not from when it was sent, so a stalled server is charged for the queue it causes (no
 * coordinated omission). The first WARMUP seconds warm both sides' JIT and are not recorded.
 *
 * <pre>
 * java benchmarks/FixedRateLoad.java RATE WARMUP SECONDS BASE_URL --urls FILE       GET, round-robin over FILE's paths
 * java benchmarks/FixedRateLoad.java RATE WARMUP SECONDS BASE_URL --orders FILE RUN  POST /orders, one car id of FILE each
 * </pre>
 * Prints one line: {@code RESULT rate=... sent=... ok=... errors=... p50_ms=... p99_ms=... max_ms=...}, and
 * with {@code --urls} one more per path: {@code URL p99_ms=... PATH}.
 */
public final class FixedRateLoad {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int CONNECTIONS = 16;

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            throw new IllegalArgumentException("usage: FixedRateLoad RATE WARMUP SECONDS BASE_URL (--urls FILE | --orders FILE RUN)");
        }
        double rate = Double.parseDouble(args[0]);
        int warmup = (int) Math.round(rate * Double.parseDouble(args[1]));
        int total = warmup + (int) Math.round(rate * Double.parseDouble(args[2]));
        String base = args[3];
        List<String> lines = Files.readAllLines(Path.of(args[5])).stream().filter(line -> !line.isBlank()).toList();
        IntFunction<HttpRequest> requests = switch (args[4]) {
            case "--urls" -> i -> HttpRequest.newBuilder(URI.create(base + lines.get(i % lines.size())))
                    .timeout(TIMEOUT).GET().build();
            case "--orders" -> i -> order(base, lines.get(i), args[6]);
            default -> throw new IllegalArgumentException("unknown mode " + args[4]);
        };
        if (args[4].equals("--orders") && lines.size() < total) {
            throw new IllegalArgumentException("need " + total + " car ids, got " + lines.size());
        }
        run(rate, warmup, total, requests, args[4].equals("--urls") ? lines : List.of());
    }

    /** The body of POST /orders (docs/api.md); each car is ordered once, under its own key. */
    private static HttpRequest order(String base, String carId, String run) {
        String body = "{\"carId\":\"" + carId + "\",\"customer\":{\"fullName\":\"Bench Buyer\","
                + "\"email\":\"bench@example.com\",\"phone\":\"+4915112345678\"},\"deliveryOption\":\"PICKUP\"}";
        return HttpRequest.newBuilder(URI.create(base + "/orders")).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "bench-" + run + "-" + carId)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** @param paths request i went to {@code paths[i % size]}, reported one by one; empty for orders */
    private static void run(double rate, int warmup, int total, IntFunction<HttpRequest> requests, List<String> paths)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT).build();
        int measured = total - warmup;
        long[] latencies = new long[measured];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        Semaphore connections = new Semaphore(CONNECTIONS);
        double periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long measuredFrom = start + (long) (warmup * periodNanos);
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * periodNanos);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            connections.acquire();
            int index = i - warmup;
            client.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        connections.release();
                        if (index >= 0) {
                            latencies[index] = System.nanoTime() - due;
                            boolean success = failure == null && response.statusCode() / 100 == 2;
                            (success ? ok : errors).incrementAndGet();
                        }
                        done.countDown();
                    });
        }
        boolean finished = done.await(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - measuredFrom) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("RESULT rate=%.1f sent=%d ok=%d errors=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f%s%n",
                ok.get() / seconds, measured, ok.get(), measured - ok.get(),
                percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6,
                finished ? "" : " (unfinished requests counted as errors)");
        for (int path = 0; path < paths.size(); path++) {
            int first = Math.floorMod(path - warmup, paths.size());
            long[] ofPath = IntStream.iterate(first, i -> i < measured, i -> i + paths.size())
                    .mapToLong(i -> latencies[i]).sorted().toArray();
            if (ofPath.length > 0) {
                System.out.printf("URL p99_ms=%.2f %s%n", percentile(ofPath, 99), paths.get(path));
            }
        }
        System.exit(0);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
