package dev.inngest.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Activates JAX-RS under {@code /api}. Empty on purpose: with no classes listed, the runtime scans
 * the WAR and its {@code WEB-INF/lib} jars, which is how the SDK's endpoint ends up at {@code /api/inngest}.
 */
@ApplicationPath("/api")
public class RestApplication extends Application {
}
