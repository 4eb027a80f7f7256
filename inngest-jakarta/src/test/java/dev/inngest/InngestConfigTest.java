package dev.inngest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Base URL precedence (protocol.md §7.2, §11), timeouts and the event size limit. */
class InngestConfigTest {

    private static InngestConfig.Builder env(Map<String, String> vars) {
        return InngestConfig.builder("shop").from(vars::get);
    }

    @Test
    void modeDefaults() {
        InngestConfig cloud = env(Map.of()).build();
        assertEquals(URI.create("https://api.inngest.com/"), cloud.apiBaseUrl());
        assertEquals(URI.create("https://inn.gs/"), cloud.eventApiBaseUrl());
        InngestConfig dev = env(Map.of("INNGEST_DEV", "1")).build();
        assertEquals(URI.create("http://localhost:8288/"), dev.apiBaseUrl());
        assertEquals(URI.create("http://localhost:8288/"), dev.eventApiBaseUrl());
    }

    @Test
    void devUrlIsTheBaseOfBothApis() {
        InngestConfig c = env(Map.of("INNGEST_DEV", "http://devserver:9999")).build();
        assertTrue(c.isDev());
        assertEquals(URI.create("http://devserver:9999/"), c.apiBaseUrl());
        assertEquals(URI.create("http://devserver:9999/"), c.eventApiBaseUrl());
    }

    @Test
    void baseUrlBeatsTheDevUrlAndSpecificUrlsBeatTheBaseUrl() {
        InngestConfig c = env(Map.of("INNGEST_DEV", "http://dev:1", "INNGEST_BASE_URL", "http://base:2",
                "INNGEST_EVENT_API_BASE_URL", "http://events:3")).build();
        assertEquals(URI.create("http://base:2/"), c.apiBaseUrl());
        assertEquals(URI.create("http://events:3/"), c.eventApiBaseUrl());
        InngestConfig d = env(Map.of("INNGEST_BASE_URL", "http://base:2", "INNGEST_API_BASE_URL", "http://api:4"))
                .build();
        assertEquals(URI.create("http://api:4/"), d.apiBaseUrl());
        assertEquals(URI.create("http://base:2/"), d.eventApiBaseUrl());
    }

    @Test
    void theBaseUrlOptionBeatsEveryVariableAndTheSpecificOptionsBeatIt() {
        Map<String, String> vars = Map.of("INNGEST_API_BASE_URL", "http://api-env:1",
                "INNGEST_EVENT_API_BASE_URL", "http://events-env:2", "INNGEST_BASE_URL", "http://base-env:3");
        InngestConfig c = env(vars).baseUrl(URI.create("http://option:4")).build();
        assertEquals(URI.create("http://option:4/"), c.apiBaseUrl());
        assertEquals(URI.create("http://option:4/"), c.eventApiBaseUrl());
        // the same whichever comes first, the option or the variables
        InngestConfig d = InngestConfig.builder("shop").baseUrl(URI.create("http://option:4")).from(vars::get)
                .eventApiBaseUrl(URI.create("http://events-option:5")).build();
        assertEquals(URI.create("http://option:4/"), d.apiBaseUrl());
        assertEquals(URI.create("http://events-option:5/"), d.eventApiBaseUrl());
    }

    @Test
    void timeoutsDefaultAndComeFromTimeStrings() {
        InngestConfig defaults = env(Map.of()).build();
        assertEquals(Duration.ofSeconds(10), defaults.connectTimeout());
        assertEquals(Duration.ofSeconds(30), defaults.readTimeout());
        InngestConfig c = env(Map.of("INNGEST_CONNECT_TIMEOUT", "500ms", "INNGEST_READ_TIMEOUT", "1m30s")).build();
        assertEquals(Duration.ofMillis(500), c.connectTimeout());
        assertEquals(Duration.ofSeconds(90), c.readTimeout());
        InngestConfig b = InngestConfig.builder("shop").connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5)).build();
        assertEquals(Duration.ofSeconds(2), b.connectTimeout());
        assertEquals(Duration.ofSeconds(5), b.readTimeout());
    }

    @Test
    void badTimeoutsNameTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env(Map.of("INNGEST_READ_TIMEOUT", "soon")).build());
        assertTrue(e.getMessage().contains("INNGEST_READ_TIMEOUT"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env(Map.of("INNGEST_CONNECT_TIMEOUT", "0")).build());
        assertThrows(IllegalArgumentException.class,
                () -> InngestConfig.builder("shop").readTimeout(Duration.ofSeconds(-1)));
    }

    @Test
    void maxEventSizeDefaultsTo512KiBAndStopsAt3MiB() {
        assertEquals(512 * 1024, InngestConfig.builder("shop").build().maxEventSize());
        assertEquals(3 * 1024 * 1024, InngestConfig.builder("shop").maxEventSize(3 * 1024 * 1024).build()
                .maxEventSize());
        assertThrows(IllegalArgumentException.class,
                () -> InngestConfig.builder("shop").maxEventSize(3 * 1024 * 1024 + 1));
        assertThrows(IllegalArgumentException.class, () -> InngestConfig.builder("shop").maxEventSize(0));
    }
}
