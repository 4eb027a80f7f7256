package dev.inngest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This SDK's identity on the wire. */
public final class Sdk {

    /** The SDK's version, e.g. {@code 0.1.0}. */
    public static final String VERSION = readVersion();
    /** The language name introspection reports. */
    public static final String LANGUAGE = "java";
    /** {@code X-Inngest-SDK}, {@code User-Agent} and the registration's {@code sdk}: {@code inngest-jakarta:v0.1.0}. */
    public static final String USER_AGENT = "inngest-jakarta:v" + VERSION;
    /** The request version this SDK answers with (parallel steps coalesced). */
    public static final String REQUEST_VERSION = "2";

    private Sdk() {
    }

    private static String readVersion() {
        try (InputStream in = Sdk.class.getResourceAsStream("/dev/inngest/sdk.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "0.0.0");
            return v.endsWith("-SNAPSHOT") ? v.substring(0, v.length() - "-SNAPSHOT".length()) : v;
        } catch (IOException e) {
            return "0.0.0";
        }
    }
}
