package dev.inngest.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the server under test logged: Payara Micro's console, which its Arquillian adapter copies to this
 * JVM's {@code System.out} (captured from {@link #capture()} on), or Liberty's {@code messages.log}.
 */
final class ServerLog {

    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static PrintStream originalOut;

    private ServerLog() {
    }

    /** Starts copying {@code System.out} into a buffer, still printing it; call before deploying. */
    static synchronized void capture() {
        if (originalOut != null) {
            return;
        }
        originalOut = System.out;
        PrintStream original = originalOut;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (CONSOLE) {
                    CONSOLE.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (CONSOLE) {
                    CONSOLE.write(b, off, len);
                }
            }
        }, true, StandardCharsets.UTF_8));
    }

    /** Stops copying. */
    static synchronized void release() {
        if (originalOut != null) {
            System.setOut(originalOut);
            originalOut = null;
        }
    }

    /** @return everything the server logged so far */
    static String text() {
        return String.join("\n", sources());
    }

    /**
     * @param text a piece of text
     * @return how many times the server logged it (the most any one source shows: on Liberty the console
     *     copy and messages.log hold the same lines)
     */
    static int count(String text) {
        int most = 0;
        for (String log : sources()) {
            int n = 0;
            for (int i = log.indexOf(text); i >= 0; i = log.indexOf(text, i + text.length())) {
                n++;
            }
            most = Math.max(most, n);
        }
        return most;
    }

    private static List<String> sources() {
        List<String> out = new ArrayList<>();
        synchronized (CONSOLE) {
            out.add(CONSOLE.toString(StandardCharsets.UTF_8));
        }
        String wlp = System.getProperty("wlp.home");
        if (wlp != null) {
            Path log = Path.of(wlp, "usr", "servers", "arquillian", "logs", "messages.log");
            try {
                if (Files.isRegularFile(log)) {
                    out.add(Files.readString(log, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
