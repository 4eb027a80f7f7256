package dev.inngest.testing;

import dev.inngest.executor.CallDriver;
import dev.inngest.json.JsonMapper;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.Map;

/**
 * Puts mocked step results into each call's memoized state, as if those steps had already run, so the
 * function's code never executes them.
 */
final class MockingDriver implements CallDriver {

    private final CallDriver next;
    private final Map<String, JsonObject> mocks;

    MockingDriver(CallDriver next, Map<String, JsonObject> mocks) {
        this.next = next;
        this.mocks = mocks;
    }

    @Override
    public CallResult call(String method, URI url, Map<String, String> headers, String body) throws Exception {
        if (mocks.isEmpty()) {
            return next.call(method, url, headers, body);
        }
        JsonObject request = (JsonObject) JsonMapper.parse(body);
        JsonObjectBuilder steps = Json.createObjectBuilder(request.getJsonObject("steps"));
        JsonArrayBuilder stack = Json.createArrayBuilder(request.getJsonObject("ctx").getJsonObject("stack").getJsonArray("stack"));
        mocks.forEach((hash, value) -> {
            if (!request.getJsonObject("steps").containsKey(hash)) {
                steps.add(hash, value);
                stack.add(hash);
            }
        });
        JsonObject ctx = Json.createObjectBuilder(request.getJsonObject("ctx"))
                .add("stack", Json.createObjectBuilder().add("stack", stack)).build();
        String mocked = JsonMapper.write(Json.createObjectBuilder(request).add("steps", steps).add("ctx", ctx).build());
        return next.call(method, url, headers, mocked);
    }
}
