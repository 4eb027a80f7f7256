package dev.inngest.health;

import dev.inngest.Inngest;
import dev.inngest.InngestConfig;
import dev.inngest.protocol.SyncOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check {@value #NAME} ({@code /health/ready}): DOWN, with the {@code INNGEST-Cnnn} reason, while
 * the configuration cannot serve Inngest in its mode (cloud mode without a signing key, no app id); UP otherwise,
 * with the mode, the app id, the number of functions and how the last sync went.
 *
 * <pre>{@code
 * {"name":"inngest","status":"DOWN","data":{"mode":"cloud","appId":"shop",
 *  "reason":"INNGEST-C002 cloud mode needs a signing key: set INNGEST_SIGNING_KEY ..."}}
 * }</pre>
 *
 * <p>A failed sync does not make the app unready (Inngest can still call it, and the next sync may succeed); it
 * shows in {@code lastSync}. Added by {@link InngestHealthExtension}.
 */
@Readiness
@ApplicationScoped
public class InngestReadinessCheck implements HealthCheck {

    /** The check's name. */
    public static final String NAME = "inngest";

    private final Instance<Inngest> inngest;

    /**
     * @param inngest the app's client (the {@code inngest-cdi} bean)
     */
    @Inject
    public InngestReadinessCheck(Instance<Inngest> inngest) {
        this.inngest = inngest;
    }

    /** For CDI proxies. */
    protected InngestReadinessCheck() {
        this.inngest = null;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new LinkedHashMap<>();
        Inngest client;
        try {
            client = inngest.get();
        } catch (RuntimeException e) {
            data.put("reason", "INNGEST-H001 the Inngest client could not be created: " + e.getMessage());
            return response(false, data);
        }
        InngestConfig config = client.config();
        data.put("mode", config.mode());
        data.put("appId", config.appId());
        data.put("functions", (long) client.functions().size());
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            data.put("reason", String.join("; ", problems));
            return response(false, data);
        }
        Optional<SyncOutcome> sync = client.lastSync();
        data.put("lastSync", sync.map(s -> s.succeeded() ? "succeeded" : "failed").orElse("none"));
        sync.ifPresent(s -> {
            data.put("lastSyncAt", s.at().toString());
            data.put("lastSyncKind", s.kind());
            data.put("lastSyncMessage", s.message());
        });
        return response(true, data);
    }

    private static HealthCheckResponse response(boolean up, Map<String, Object> data) {
        return new HealthCheckResponse(NAME, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data));
    }
}
