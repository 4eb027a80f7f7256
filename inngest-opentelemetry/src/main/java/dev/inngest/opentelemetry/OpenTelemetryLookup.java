package dev.inngest.opentelemetry;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the runtime's {@link OpenTelemetry}: MicroProfile Telemetry makes it a CDI bean; outside CDI, or
 * without that bean, {@link GlobalOpenTelemetry} (set by an agent or the application). Called on first use,
 * never at deployment, so that {@code GlobalOpenTelemetry} is not fixed to a no-op before the runtime sets it.
 */
final class OpenTelemetryLookup {

    private static final Logger LOG = Logger.getLogger(OpenTelemetryLookup.class.getName());

    private OpenTelemetryLookup() {
    }

    /**
     * Fails now, rather than on the first request, when the OpenTelemetry API (api and context) is missing.
     *
     * @throws NoClassDefFoundError when a class of the API cannot be loaded
     */
    static void requireApi() {
        ClassLoader loader = OpenTelemetryLookup.class.getClassLoader();
        for (String name : new String[] {"io.opentelemetry.api.OpenTelemetry", "io.opentelemetry.context.Context",
                "io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator"}) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                NoClassDefFoundError missing = new NoClassDefFoundError(name);
                missing.initCause(e);
                throw missing;
            }
        }
    }

    static OpenTelemetry find() {
        try {
            Instance<OpenTelemetry> bean = CDI.current().select(OpenTelemetry.class);
            if (bean.isResolvable()) {
                OpenTelemetry found = bean.get();
                LOG.fine("INNGEST-T003 tracing with the OpenTelemetry CDI bean of MicroProfile Telemetry");
                return found;
            }
        } catch (LinkageError | RuntimeException noCdi) {
            LOG.log(Level.FINE, "INNGEST-T004 no OpenTelemetry CDI bean; using GlobalOpenTelemetry", noCdi);
        }
        return GlobalOpenTelemetry.get();
    }
}
