package dev.inngest.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP/1.1 server on the loopback interface that records every request and answers from a script, so
 * that tests can inject faults at the socket level: a dropped connection, a reset, an answer that never comes
 * in time. Each answer closes its connection, so each attempt of a client is one connection.
 */
final class LoopbackServer implements AutoCloseable {

    /** A recorded request; header names in lower case. */
    record Request(String method, String target, Map<String, String> headers, String body) {

        /** @return the path without the query */
        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        /** @return the query, or "" */
        String query() {
            int q = target.indexOf('?');
            return q < 0 ? "" : target.substring(q + 1);
        }

        /** @param name any case @return the header's value, or null */
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What the server does with one request. */
    @FunctionalInterface
    interface Answer {
        void answer(Socket socket, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Answer otherwise = json(200, "{\"ids\":[],\"status\":200}");

    LoopbackServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "loopback-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return {@code http://127.0.0.1:<port>/} */
    URI baseUri() {
        return URI.create("http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort() + "/");
    }

    /** @param answers the answers to the next requests, in order; then {@link #otherwise} */
    LoopbackServer then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** @param answer the answer once the script is used up */
    LoopbackServer otherwise(Answer answer) {
        this.otherwise = answer;
        return this;
    }

    /** @return the requests so far, in arrival order */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** An answer with a JSON body. */
    static Answer json(int status, String body) {
        return json(status, body, Map.of());
    }

    /** An answer with a JSON body and more headers. */
    static Answer json(int status, String body, Map<String, String> headers) {
        return (socket, out) -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " Status\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Content-Length: ").append(b.length).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(b);
            out.flush();
        };
    }

    /** Closes the connection without a byte of answer. */
    static Answer drop() {
        return (socket, out) -> socket.close();
    }

    /** Resets the connection (TCP RST). */
    static Answer reset() {
        return (socket, out) -> {
            socket.setSoLinger(true, 0);
            socket.close();
        };
    }

    /** Answers only when the server closes (long after any sensible read timeout). */
    Answer stall() {
        return (socket, out) -> {
            try {
                closing.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            json(200, "{\"ids\":[\"too-late\"],\"status\":200}").answer(socket, out);
        };
    }

    @Override
    public void close() throws IOException {
        closing.countDown();
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> handle(s), "loopback-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            String requestLine = line(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.merge(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
            byte[] body;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line(in).trim(), 16); size > 0;
                        size = Integer.parseInt(line(in).trim(), 16)) {
                    all.write(in.readNBytes(size));
                    line(in);
                }
                line(in);
                body = all.toByteArray();
            } else {
                body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            }
            String[] parts = requestLine.split(" ");
            requests.add(new Request(parts[0], parts[1], headers, new String(body, StandardCharsets.UTF_8)));
            Answer a = script.poll();
            (a != null ? a : otherwise).answer(s, s.getOutputStream());
        } catch (IOException | RuntimeException e) {
            // the client went away; nothing to record
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    /** @return the requests' values of one header, in order */
    List<String> headerValues(String name) {
        List<String> values = new ArrayList<>();
        requests.forEach(r -> values.add(r.header(name)));
        return values;
    }
}
