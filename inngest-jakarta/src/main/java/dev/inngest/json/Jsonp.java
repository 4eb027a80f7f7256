package dev.inngest.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import java.util.Map;

/**
 * The JSON-P provider, looked up once. Every {@code jakarta.json.Jsonp.createXxx} call looks the provider up
 * again ({@code JsonProvider.provider()}: a service-loader scan, on Payara an OSGi lookup that fails and
 * throws), which cost the serve endpoint most of its throughput; the SDK builds its JSON through this class
 * instead, with the same method names.
 */
public final class Jsonp {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }

    /** @return the provider itself, for this package's reader */
    static JsonProvider provider() {
        return PROVIDER;
    }

    /** @return a new object builder */
    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    /**
     * @param object the members to start from
     * @return a new object builder holding them
     */
    public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
        return PROVIDER.createObjectBuilder(object);
    }

    /** @return a new array builder */
    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    /**
     * @param value a string
     * @return it as a JSON string
     */
    public static JsonString createValue(String value) {
        return PROVIDER.createValue(value);
    }

    /**
     * @param config the reader configuration
     * @return a reader factory
     */
    public static JsonReaderFactory createReaderFactory(Map<String, ?> config) {
        return PROVIDER.createReaderFactory(config);
    }

    /**
     * @param config the writer configuration
     * @return a writer factory
     */
    public static JsonWriterFactory createWriterFactory(Map<String, ?> config) {
        return PROVIDER.createWriterFactory(config);
    }
}
