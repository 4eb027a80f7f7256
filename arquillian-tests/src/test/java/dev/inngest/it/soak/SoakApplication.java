package dev.inngest.it.soak;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** {@code /api}, so the soak WAR's serve endpoint is {@code /api/inngest}. */
@ApplicationPath("/api")
public class SoakApplication extends Application {
}
