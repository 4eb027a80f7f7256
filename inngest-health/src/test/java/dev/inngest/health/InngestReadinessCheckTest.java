package dev.inngest.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.Inngest;
import dev.inngest.cdi.InngestExtension;
import dev.inngest.protocol.ServeRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The "inngest" readiness check in Weld SE, configured through MicroProfile Config (SmallRye Config). */
class InngestReadinessCheckTest {

    private static final String SIGNING_KEY =
            "signkey-test-8ee2262a15e8d3c42d6a840db7af3de2aab08ef632b32a37a687f24b34dba3ff";

    private final Map<String, String> previous = new HashMap<>();
    private WeldContainer weld;

    @AfterEach
    void stop() {
        if (weld != null) {
            weld.shutdown();
        }
        previous.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
        resetConfig();
    }

    private HealthCheckResponse check(Map<String, String> properties) {
        properties.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
        resetConfig();
        weld = new Weld().disableDiscovery()
                .addExtension(new InngestExtension())
                .addExtension(new InngestHealthExtension())
                .addBeanClasses(Greetings.class)
                .initialize();
        return readiness().call();
    }

    private HealthCheck readiness() {
        return weld.select(HealthCheck.class, Readiness.Literal.INSTANCE).get();
    }

    private static void resetConfig() {
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    @Test
    void cloudModeWithoutASigningKeyIsDownWithTheReason() {
        HealthCheckResponse r = check(Map.of("inngest.app-id", "shop", "inngest.dev", "0"));
        assertEquals("inngest", r.getName());
        assertEquals(HealthCheckResponse.Status.DOWN, r.getStatus());
        Map<String, Object> data = r.getData().orElseThrow();
        assertTrue(data.get("reason").toString().startsWith("INNGEST-C002 cloud mode needs a signing key"), data.toString());
        assertEquals("cloud", data.get("mode"));
        assertEquals("shop", data.get("appId"));
    }

    @Test
    void cloudModeWithKeysIsUpWithModeAppIdAndFunctions() {
        HealthCheckResponse r = check(Map.of("inngest.app-id", "shop", "inngest.dev", "0",
                "inngest.signing-key", SIGNING_KEY, "inngest.event-key", "ek-1"));
        assertEquals(HealthCheckResponse.Status.UP, r.getStatus());
        Map<String, Object> data = r.getData().orElseThrow();
        assertEquals("cloud", data.get("mode"));
        assertEquals("shop", data.get("appId"));
        assertEquals(1L, data.get("functions"));
        assertEquals("none", data.get("lastSync"));
        assertFalse(data.toString().contains(SIGNING_KEY.substring("signkey-test-".length())), "no key in the data");
        assertFalse(data.toString().contains("ek-1"));
    }

    @Test
    void theLastSyncShowsInTheData() {
        check(Map.of("inngest.app-id", "shop", "inngest.dev", "1"));
        Inngest inngest = weld.select(Inngest.class).get();
        byte[] body = "{\"url\":\"http://localhost:8080/api/inngest\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(200, inngest.handler().handle(new ServeRequest("PUT", URI.create("http://localhost:8080/api/inngest"),
                Map.of("X-Inngest-Sync-Kind", "in_band"), body)).status());

        Map<String, Object> data = readiness().call().getData().orElseThrow();
        assertEquals("dev", data.get("mode"));
        assertEquals("succeeded", data.get("lastSync"));
        assertEquals("in_band", data.get("lastSyncKind"));
        assertEquals("Successfully synced.", data.get("lastSyncMessage"));
        assertTrue(data.containsKey("lastSyncAt"));
    }
}
