package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A real server told to stop while clients hold kept-alive connections: during the drain every response carries
 * {@code Connection: close} and the server closes the connection after it, so no client sees its connection closed
 * without a response; clients that keep calling get an answer to every call, the last one with
 * {@code Connection: close}, after which (behind a load balancer that saw readiness go DOWN) they call another
 * replica.
 */
class GracefulShutdownIT {

    private static final String PATH = "/css/adreszicht.css";

    @Test
    void keptAliveConnectionsGetTheirAnswerAndAreClosedAfterIt() throws Exception {
        SecondInstance instance = SecondInstance.start("adreszicht.shutdown.drain=3s");
        int port = URI.create(instance.url()).getPort();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean stop = new AtomicBoolean();
        List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(3);
        for (int i = 0; i < 3; i++) {
            clients.submit(() -> {
                // Like a client behind a load balancer: once told "Connection: close", its next connection goes to
                // another replica (readiness is DOWN), so it stops calling this one.
                String outcome = "";
                while (!stop.get() && !outcome.equals("200 close")) {
                    outcome = outcome(http, instance.url() + PATH);
                    outcomes.add(outcome);
                    Thread.sleep(20);
                }
                return null;
            });
        }

        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            Response first = exchange(socket);
            assertThat(first.status).isEqualTo(200);
            assertThat(first.header("connection")).isNotEqualTo("close");

            long closing = System.nanoTime();
            CompletableFuture<Void> shutdown = CompletableFuture.runAsync(instance::close);
            Thread.sleep(500);

            Response during = exchange(socket);
            assertThat(during.status).isEqualTo(200);
            assertThat(during.header("connection")).isEqualTo("close");
            assertThat(socket.getInputStream().read())
                    .as("the server closes the connection after the answer")
                    .isEqualTo(-1);

            try (Socket late = new Socket("localhost", port)) {
                late.setSoTimeout(10_000);
                Response fresh = exchange(late);
                assertThat(fresh.status).isEqualTo(200);
                assertThat(fresh.header("connection")).isEqualTo("close");
            }

            shutdown.get(30, TimeUnit.SECONDS);
            System.out.printf(
                    "[fault] shutdown with a 3 s drain took %d ms%n", (System.nanoTime() - closing) / 1_000_000);
        } finally {
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        }

        System.out.printf(
                "[fault] clients calling through the shutdown: %s%n",
                outcomes.stream()
                        .collect(java.util.stream.Collectors.groupingBy(
                                o -> o, java.util.stream.Collectors.counting())));
        assertThat(outcomes).contains("200", "200 close");
        assertThat(outcomes)
                .as("every call got an answer; none lost its connection without one")
                .allSatisfy(outcome -> assertThat(outcome).isIn("200", "200 close"));
    }

    private static String outcome(HttpClient http, String url) throws InterruptedException {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode()
                    + (response.headers().firstValue("Connection").orElse("").equals("close") ? " close" : "");
        } catch (ConnectException e) {
            return "refused";
        } catch (IOException e) {
            return "lost: " + e;
        }
    }

    private record Response(int status, List<String> headers) {
        String header(String name) {
            return headers.stream()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim().toLowerCase(Locale.ROOT))
                    .findFirst()
                    .orElse("");
        }
    }

    /** One HTTP/1.1 request on the socket, and its whole response (body by Content-Length). */
    private static Response exchange(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + PATH + " HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed without a response");
            }
            head.write(b);
        }
        List<String> lines = List.of(head.toString(StandardCharsets.US_ASCII).split("\r\n"));
        Response response = new Response(Integer.parseInt(lines.get(0).split(" ")[1]), lines.subList(1, lines.size()));
        int length = Integer.parseInt(response.header("content-length"));
        assertThat(in.readNBytes(length)).hasSize(length);
        return response;
    }
}
