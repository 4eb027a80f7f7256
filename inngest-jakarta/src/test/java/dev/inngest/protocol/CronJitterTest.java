package dev.inngest.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.inngest.function.FunctionOptions;
import dev.inngest.function.Trigger;
import dev.inngest.json.JsonMapper;
import dev.inngest.testkit.Harness;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cron trigger with jitter registers as the TypeScript SDK registers it: {@code {"cron", "jitter"}}. */
class CronJitterTest {

    @Test
    void jitterIsRegisteredBesideTheCron() {
        Harness app = Harness.dev();
        app.inngest.createFunction(FunctionOptions.builder("conc-number")
                .trigger(Trigger.cron("*/5 * * * *").jitter("30s")).build(), (ctx, step) -> null);
        assertEquals(200, app.request("PUT", null, Map.of(), "").status());
        JsonObject registration = (JsonObject) JsonMapper.parse(app.apiCalls.get(0).body());
        assertEquals(JsonMapper.parse("[{\"cron\":\"*/5 * * * *\",\"jitter\":\"30s\"}]"),
                registration.getJsonArray("functions").getJsonObject(0).getJsonArray("triggers"));
    }

    @Test
    void jitterBelongsToCronTriggersOnly() {
        assertThrows(IllegalArgumentException.class, () -> Trigger.event("a/b").jitter("30s"));
        assertThrows(IllegalArgumentException.class, () -> Trigger.cron("0 0 * * *").jitter("soon"));
    }
}
