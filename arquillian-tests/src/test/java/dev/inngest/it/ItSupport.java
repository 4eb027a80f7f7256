package dev.inngest.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.execution.StepIds;
import dev.inngest.json.JsonMapper;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Deployments, HTTP and JSON helpers shared by the IT classes. */
final class ItSupport {

    /**
     * Root context on both runtimes: Payara Micro deploys {@code ROOT.war} at {@code /}; Open Liberty maps a
     * dropins {@code ROOT.war} to {@code /ROOT} unless {@code ibm-web-ext.xml} says {@code /} (its Arquillian
     * adapter reads the same file to build the base URL). Payara ignores the file.
     */
    static final String IBM_WEB_EXT = """
        <?xml version="1.0" encoding="UTF-8"?>
        <web-ext xmlns="http://websphere.ibm.com/xml/ns/javaee"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://websphere.ibm.com/xml/ns/javaee http://websphere.ibm.com/xml/ns/javaee/ibm-web-ext_1_1.xsd"
                 version="1.1">
          <context-root uri="/"/>
        </web-ext>
        """;

    /**
     * A {@code beans.xml} with the given discovery mode: the extension must find functions whatever mode the
     * WAR uses (WorkflowsIT deploys the sample with none at all).
     *
     * @param mode {@code all} or {@code annotated}
     * @return the descriptor
     */
    static StringAsset beansXml(String mode) {
        return new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" "
                + "bean-discovery-mode=\"" + mode + "\"/>\n");
    }

    static final String CONFIG_PATH = "/WEB-INF/classes/META-INF/microprofile-config.properties";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ItSupport() {
    }

    /**
     * The real sample WAR (as Maven built it) at the root context, with its MicroProfile Config replaced.
     *
     * @param config the properties of the new {@code microprofile-config.properties}
     * @return the archive to deploy
     */
    static WebArchive sampleWar(Map<String, String> config) {
        File war = new File(System.getProperty("sample.war", "target/deps/sample-war.war"));
        assertTrue(war.isFile(), "sample WAR not found at " + war.getAbsolutePath()
            + " (built by sample-war, copied by maven-dependency-plugin in pre-integration-test)");
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class)
            .addAsWebInfResource(new StringAsset(IBM_WEB_EXT), "ibm-web-ext.xml");
        assertNotNull(archive.delete(CONFIG_PATH), "the sample WAR has no " + CONFIG_PATH);
        return archive.addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties");
    }

    static String properties(Map<String, String> config) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(config).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    /**
     * A library module as Maven built it: its jar in a reactor {@code verify}, {@code target/classes} in an IDE.
     *
     * @param marker a class of the module
     * @param name the jar's name in the WAR
     * @return the jar
     */
    static JavaArchive moduleJar(Class<?> marker, String name) {
        try {
            File f = new File(marker.getProtectionDomain().getCodeSource().getLocation().toURI());
            return f.isDirectory()
                ? ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(f).as(JavaArchive.class)
                : ShrinkWrap.create(ZipImporter.class, name).importFrom(f).as(JavaArchive.class);
        } catch (Exception e) {
            throw new IllegalStateException("cannot package the module of " + marker.getName(), e);
        }
    }

    // ---- HTTP ----

    static HttpResponse<String> send(URI uri, String method, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + uri + " failed: " + e, e);
        }
    }

    static HttpResponse<String> send(URL base, String method, String absolutePath, Map<String, String> headers,
            String body) {
        return send(resolve(base, absolutePath), method, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    static URI resolve(URL base, String absolutePath) {
        try {
            return base.toURI().resolve(absolutePath);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    // ---- JSON ----

    static JsonValue json(String text) {
        return JsonMapper.parse(text);
    }

    static JsonObject object(String text) {
        return (JsonObject) json(text);
    }

    static JsonArray array(String text) {
        return (JsonArray) json(text);
    }

    // ---- misc ----

    /** @return the hashed step id of the protocol (§5): lowercase hex SHA-1 of the id */
    static String stepHash(String id) {
        return new StepIds().hash(id);
    }

    /**
     * Waits, with a bound, for something the app does on its own threads; never used for virtual time.
     *
     * @param what what is awaited, for the failure message
     * @param condition true once it happened
     */
    static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("gave up after 20 s waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
