package dev.inngest.protocol;

import dev.inngest.InngestConfig;
import dev.inngest.Sdk;
import dev.inngest.json.Jsonp;
import dev.inngest.signature.SigningKey;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;

/** The bodies of {@code GET} (introspection), schema {@code 2024-05-24}. */
final class Introspection {

    static final String SCHEMA_VERSION = "2024-05-24";

    private Introspection() {
    }

    /**
     * What anyone may see: counts and whether keys are set, never the keys.
     *
     * @param authenticationSucceeded null when the request was not signed, false when its signature failed,
     *     absent in dev mode
     */
    static JsonObject unauthenticated(InngestConfig config, int functionCount, Boolean authenticationSucceeded) {
        JsonObjectBuilder b = common(config, functionCount);
        if (!config.isDev()) {
            b.add("authentication_succeeded",
                    authenticationSucceeded == null ? JsonValue.NULL : authenticationSucceeded ? JsonValue.TRUE : JsonValue.FALSE);
        }
        return b.build();
    }

    /** The keys both bodies start with. */
    private static JsonObjectBuilder common(InngestConfig config, int functionCount) {
        return Jsonp.createObjectBuilder()
                .add("extra", Jsonp.createObjectBuilder().add("is_streaming", false))
                .add("has_event_key", config.eventKey().isPresent())
                .add("has_signing_key", config.signingKey().isPresent())
                .add("has_signing_key_fallback", config.signingKeyFallback().isPresent())
                .add("function_count", functionCount)
                .add("mode", config.mode())
                .add("schema_version", SCHEMA_VERSION);
    }

    /** What a caller with a valid signature may see: also URLs, ids and key hashes. */
    static JsonObject authenticated(InngestConfig config, int functionCount, String framework) {
        return common(config, functionCount)
                .add("authentication_succeeded", true)
                .add("api_origin", config.apiBaseUrl().toString())
                .add("app_id", config.appId())
                .add("capabilities", capabilities())
                .add("env", nullable(config.env().orElse(null)))
                .add("event_api_origin", config.eventApiBaseUrl().toString())
                .add("event_key_hash", nullable(config.eventKey()
                        .map(k -> SigningKey.sha256Hex(k.getBytes(StandardCharsets.UTF_8))).orElse(null)))
                .add("framework", framework)
                .add("sdk_language", Sdk.LANGUAGE)
                .add("sdk_version", Sdk.VERSION)
                .add("serve_origin", nullable(config.serveOrigin().orElse(null)))
                .add("serve_path", nullable(config.servePath().orElse(null)))
                .add("signing_key_fallback_hash", nullable(config.signingKeyFallback().map(SigningKey::shortHash).orElse(null)))
                .add("signing_key_hash", nullable(config.signingKey().map(SigningKey::shortHash).orElse(null)))
                .build();
    }

    /** What this SDK can do beyond the basic protocol. */
    static JsonObject capabilities() {
        return Jsonp.createObjectBuilder().add("trust_probe", "v1").add("in_band_sync", "v1").build();
    }

    private static JsonValue nullable(String s) {
        return s == null ? JsonValue.NULL : Jsonp.createValue(s);
    }
}
