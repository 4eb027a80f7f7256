package dev.inngest.load;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The serve endpoint at {@code /api/inngest}, the bare endpoint at {@code /api/bare}. */
@ApplicationPath("/api")
public class RestApplication extends Application {
}
