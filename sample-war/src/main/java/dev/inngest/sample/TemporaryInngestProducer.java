package dev.inngest.sample;

import dev.inngest.Inngest;
import dev.inngest.InngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * TEMPORARY: produces the {@link Inngest} client that {@code dev.inngest.jaxrs.InngestResource} injects,
 * until the {@code inngest-cdi} module provides it. Delete this class then (two producers would make the
 * deployment fail with an ambiguous dependency, which is the reminder).
 */
@ApplicationScoped
public class TemporaryInngestProducer {

    @Produces
    @Singleton // Inngest is final, so it cannot be a normal-scoped (proxied) bean
    Inngest inngest(@ConfigProperty(name = "inngest.app-id") String appId,
                    @ConfigProperty(name = "inngest.dev", defaultValue = "false") String dev) {
        return Inngest.builder(InngestConfig.builder(appId).dev(dev).build()).build();
    }
}
