package dev.inngest.executor;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A registered function: its configuration exactly as the app synced it, and how to call it.
 *
 * @param appId the app id
 * @param compositeId the function id ({@code <appId>-<fnId>})
 * @param uuid the id the server gives functions ({@code ctx.fn_id})
 * @param config the function's registration JSON
 * @param stepUrl the URL registered for its step
 * @param driver how to reach the app
 */
record FunctionRecord(String appId, String compositeId, UUID uuid, JsonObject config, URI stepUrl, CallDriver driver) {

    static FunctionRecord of(String appId, JsonObject config, CallDriver driver) {
        String id = config.getString("id");
        String url = config.getJsonObject("steps").getJsonObject("step").getJsonObject("runtime").getString("url");
        return new FunctionRecord(appId, id, UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                config, URI.create(url), driver);
    }

    /** @return attempts in all: registered retries + 1 (the server's default is 4 retries) */
    int maxAttempts() {
        JsonObject step = config.getJsonObject("steps").getJsonObject("step");
        JsonValue retries = step.get("retries");
        if (retries instanceof JsonObject && ((JsonObject) retries).get("attempts") instanceof JsonNumber) {
            return ((JsonObject) retries).getInt("attempts") + 1;
        }
        return 5;
    }

    /** @return the URL of a call targeting a step ({@code "step"} for discovery) */
    URI urlFor(String stepId) {
        String s = stepUrl.toString();
        String target = "stepId=" + stepId;
        return URI.create(s.contains("stepId=step") ? s.replace("stepId=step", target)
                : s + (s.contains("?") ? "&" : "?") + target);
    }

    /** An event trigger. */
    record EventTrigger(String event, String expression) {
    }

    List<EventTrigger> eventTriggers() {
        List<EventTrigger> out = new ArrayList<>();
        for (JsonValue t : config.getJsonArray("triggers")) {
            JsonObject o = (JsonObject) t;
            if (o.get("event") instanceof JsonString) {
                out.add(new EventTrigger(o.getString("event"),
                        o.get("expression") instanceof JsonString ? o.getString("expression") : null));
            }
        }
        return out;
    }

    List<String> crons() {
        List<String> out = new ArrayList<>();
        for (JsonValue t : config.getJsonArray("triggers")) {
            JsonObject o = (JsonObject) t;
            if (o.get("cron") instanceof JsonString) {
                out.add(o.getString("cron"));
            }
        }
        return out;
    }

    List<JsonObject> cancellations() {
        List<JsonObject> out = new ArrayList<>();
        if (config.get("cancel") instanceof JsonArray) {
            for (JsonValue c : config.getJsonArray("cancel")) {
                out.add((JsonObject) c);
            }
        }
        return out;
    }
}
