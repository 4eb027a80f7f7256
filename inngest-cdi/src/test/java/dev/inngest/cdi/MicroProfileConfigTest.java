package dev.inngest.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.Inngest;
import dev.inngest.InngestConfig;
import java.net.URI;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MicroProfileConfigTest {

    private Runnable restore = () -> { };

    @AfterEach
    void restore() {
        restore.run();
        WeldContainers.resetConfig();
    }

    @Test
    void propertyNamesFollowTheEnvironmentNames() {
        assertEquals("inngest.signing-key", MicroProfileInngestConfig.property("INNGEST_SIGNING_KEY"));
        assertEquals("inngest.event-api-base-url", MicroProfileInngestConfig.property("INNGEST_EVENT_API_BASE_URL"));
        assertEquals("inngest.dev", MicroProfileInngestConfig.property("INNGEST_DEV"));
    }

    @Test
    void theInngestBeanReadsInngestPropertiesFromMicroProfileConfig() {
        restore = WeldContainers.properties(Map.of(
                "inngest.app-id", "shop",
                "inngest.dev", "false",
                "inngest.signing-key", "signkey-prod-0123456789abcdef",
                "inngest.event-key", "ek-1",
                "inngest.env", "feature-x",
                "inngest.serve-origin", "https://shop.example.com",
                "inngest.serve-path", "/api/inngest",
                "inngest.api-base-url", "http://api.local:9999/",
                "inngest.allow-in-band-sync", "false"));
        WeldContainer weld = WeldContainers.start(HelloFunctions.class);
        try {
            InngestConfig c = weld.select(Inngest.class).get().config();
            assertEquals("shop", c.appId());
            assertFalse(c.isDev());
            assertTrue(c.signingKey().isPresent());
            assertEquals("ek-1", c.eventKey().orElseThrow());
            assertEquals("feature-x", c.env().orElseThrow());
            assertEquals("https://shop.example.com", c.serveOrigin().orElseThrow());
            assertEquals("/api/inngest", c.servePath().orElseThrow());
            assertEquals(URI.create("http://api.local:9999/"), c.apiBaseUrl());
            assertFalse(c.allowInBandSync());
            assertTrue(c.problems().isEmpty(), c.problems().toString());
        } finally {
            weld.shutdown();
        }
    }

    @Test
    void withoutAnAppIdTheDefaultIsUsed() {
        restore = WeldContainers.properties(Map.of("inngest.dev", "1"));
        WeldContainer weld = WeldContainers.start(HelloFunctions.class);
        try {
            assertEquals("app", weld.select(Inngest.class).get().config().appId());
        } finally {
            weld.shutdown();
        }
    }

    @Test
    void anUnreadableValueFailsTheDeployment() {
        restore = WeldContainers.properties(Map.of("inngest.app-id", "shop", "inngest.dev", "maybe"));
        Exception e = assertThrows(Exception.class, () -> WeldContainers.start(HelloFunctions.class).shutdown());
        assertTrue(WeldContainers.text(e).contains("INNGEST-D011"), WeldContainers.text(e));
    }
}
