package dev.inngest.it;

import static dev.inngest.it.ItSupport.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample WAR in cloud mode with no signing key: it deploys, says why it cannot serve, and never
 * answers a call with a 200. The failsafe plugin gives the runtimes {@code INNGEST_ENV=it-env}, so this
 * class also shows an {@code INNGEST_*} variable reaching the app through MicroProfile Config.
 */
@ExtendWith(ArquillianExtension.class)
class MissingKeyIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.sampleWar(Map.of("inngest.app-id", "sample-app", "inngest.dev", "false"));
    }

    @Test
    void readinessIsDownWithTheReason() {
        HttpResponse<String> r = ItSupport.send(base, "GET", "/health/ready", Map.of(), null);
        assertEquals(503, r.statusCode(), r.body());
        JsonObject health = object(r.body());
        assertEquals("DOWN", health.getString("status"));
        JsonObject check = health.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("inngest")).findFirst().orElseThrow();
        assertEquals("DOWN", check.getString("status"));
        assertTrue(check.toString().contains("INNGEST-C002"), check.toString());
    }

    @Test
    void callsAreAnsweredWithAClear500AndNoSecrets() {
        HttpResponse<String> r = ItSupport.send(base, "POST", "/api/inngest?fnId=sample-app-hello&stepId=step",
                Map.of("Content-Type", "application/json"), "{\"event\":{\"name\":\"demo/hello\",\"data\":{}}}");
        assertEquals(500, r.statusCode(), r.body());
        assertTrue(object(r.body()).getString("message").contains("INNGEST_SIGNING_KEY"), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
        assertEquals("it-env", r.headers().firstValue("X-Inngest-Env").orElse(""),
                "INNGEST_ENV did not reach the app's configuration");
    }
}
