import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * bench/load.sh's webhook receiver: answers every POST 200 with an empty body at once, reading the
 * request first, and counts them. Run as {@code java bench/webhooks/Receiver.java PORT}; prints the count
 * when stopped (SIGTERM).
 */
public class Receiver {
    public static void main(String[] args) throws IOException {
        AtomicLong received = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 256);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.transferTo(java.io.OutputStream.nullOutputStream());
            }
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("received " + received.get())));
        server.start();
        System.out.println("listening on " + args[0]);
    }
}
