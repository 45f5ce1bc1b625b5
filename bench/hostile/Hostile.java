import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bench/hostile.sh's load and database link, in a process of its own (the service's JVM is measured, not
 * this one's): a TCP forwarder to PostgreSQL that can go silent (packets dropped, no reset: connections
 * stay open and hear nothing), and HostileLoadTest's load: readers over HTTP/1.1 (cached GETs, short
 * comments) beside 64 KB comments fed to the slow PATTERN rule.
 *
 * <p>{@code java bench/hostile/Hostile.java PROXY_PORT PG_HOST PG_PORT BASE_URL ARTICLE SECONDS DIR}: forwards
 * at once; when DIR/go appears, loads for SECONDS (phase "hostile"), silences the link for SECONDS more
 * (phase "silent"), restores it, stops the load and writes DIR/phases (each phase's start, epoch ms) and
 * DIR/answers (the status counts; -1: no answer); then forwards until stopped.
 */
public class Hostile {

    static volatile boolean silent;

    public static void main(String[] args) throws Exception {
        int proxyPort = Integer.parseInt(args[0]);
        String pgHost = args[1];
        int pgPort = Integer.parseInt(args[2]);
        String base = args[3];
        String article = args[4];
        int seconds = Integer.parseInt(args[5]);
        Path dir = Path.of(args[6]);

        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress("127.0.0.1", proxyPort));
        Thread acceptor = new Thread(() -> accept(listening, pgHost, pgPort), "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        System.out.println("forwarding 127.0.0.1:" + proxyPort + " to " + pgHost + ":" + pgPort);

        while (!Files.exists(dir.resolve("go"))) {
            Thread.sleep(50);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean running = new AtomicBoolean(true);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger ips = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        byte[] hostile = ("{\"name\": \"Load\", \"text\": \"" + "lorem ipsum dolor sit amet ".repeat(2_400))
                .getBytes(StandardCharsets.UTF_8);
        StringBuilder phases = new StringBuilder("hostile " + System.currentTimeMillis() + "\n");
        for (int c = 0; c < 6; c++) {
            int client = c;
            clients.submit(() -> {
                int i = 0;
                while (running.get()) {
                    try {
                        String ip = "10." + (client + 1) + "." + ((ips.incrementAndGet() >> 8) & 255) + "." + (ips.get() & 255);
                        HttpRequest request = switch (client % 3) {
                            case 0 -> HttpRequest.newBuilder(URI.create(base + "/api/articles/" + article + "/comments")).GET().build();
                            case 1 -> post(base, ip, BodyPublishers.ofString(
                                    "{\"name\": \"Load\", \"text\": \"A short comment " + i++ + "\"}"));
                            default -> post(base, ip, BodyPublishers.concat(
                                    BodyPublishers.ofByteArray(hostile), BodyPublishers.ofString(i++ + "\"}")));
                        };
                        int status = http.send(HttpRequest.newBuilder(request, (name, value) -> true)
                                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        statuses.merge(status, 1, Integer::sum);
                    } catch (Exception e) {
                        statuses.merge(-1, 1, Integer::sum);
                    }
                }
                return null;
            });
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        silent = true;
        phases.append("silent ").append(System.currentTimeMillis()).append('\n');
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        silent = false;
        phases.append("restored ").append(System.currentTimeMillis()).append('\n');
        running.set(false);
        clients.shutdown();
        clients.awaitTermination(60, TimeUnit.SECONDS);
        Files.writeString(dir.resolve("answers"), new TreeMap<>(statuses).toString() + "\n");
        Files.writeString(dir.resolve("phases"), phases);
        System.out.println("load done: " + new TreeMap<>(statuses));
        Thread.currentThread().join(); // forward until stopped
    }

    private static HttpRequest post(String base, String ip, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/articles/load-" + UUID.randomUUID() + "/comments"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", ip).POST(body).build();
    }

    private static void accept(ServerSocket listening, String host, int port) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                waitWhileSilent();
                Socket upstream = new Socket(host, port);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // the target refused: the client sees a broken connection
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    waitWhileSilent();
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // connection closed
            } finally {
                close(from);
                close(to);
            }
        }, "proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void waitWhileSilent() {
        while (silent) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
