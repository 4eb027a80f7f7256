package dev.inngest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploys the real {@code sample-war} artifact (as Maven built it) at the root context and talks to it
 * over real HTTP, the way the Inngest server would: the endpoint is {@code /api/inngest}.
 *
 * <p>Root context: Payara Micro deploys an archive named {@code ROOT.war} at {@code /}. Open Liberty maps a
 * dropins {@code ROOT.war} to {@code /ROOT}, so the deployment also carries {@code WEB-INF/ibm-web-ext.xml}
 * with {@code <context-root uri="/"/>}; Liberty honours it, and its Arquillian adapter reads the same file
 * to build the base URL. Payara ignores the file.
 */
@ExtendWith(ArquillianExtension.class)
class SampleDeploymentIT {

    private static final String IBM_WEB_EXT = """
        <?xml version="1.0" encoding="UTF-8"?>
        <web-ext xmlns="http://websphere.ibm.com/xml/ns/javaee"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://websphere.ibm.com/xml/ns/javaee http://websphere.ibm.com/xml/ns/javaee/ibm-web-ext_1_1.xsd"
                 version="1.1">
          <context-root uri="/"/>
        </web-ext>
        """;

    private static final Jsonb JSONB = JsonbBuilder.create();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive sample() {
        File war = new File(System.getProperty("sample.war", "target/deps/sample-war.war"));
        assertTrue(war.isFile(), "sample WAR not found at " + war.getAbsolutePath()
            + " (built by sample-war, copied by maven-dependency-plugin in pre-integration-test)");
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class)
            .addAsWebInfResource(new StringAsset(IBM_WEB_EXT), "ibm-web-ext.xml");
    }

    @Test
    void deployedAtRootContext() {
        assertEquals("/", base.getPath(), "base URL " + base);
    }

    @Test
    void serveEndpointAnswersAtApiInngest() throws Exception {
        HttpResponse<String> r = get("/api/inngest");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
            "Content-Type " + r.headers().firstValue("Content-Type") + ", body " + r.body());
        Map<?, ?> body = JSONB.fromJson(r.body(), Map.class);
        assertFalse(body.isEmpty(), r.body());
    }

    private HttpResponse<String> get(String absolutePath) throws Exception {
        URI uri = base.toURI().resolve(absolutePath);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
