package dev.inngest.cdi;

import dev.inngest.InngestConfig;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the Inngest configuration from MicroProfile Config: each {@code INNGEST_X_Y} setting of
 * {@link InngestConfig.Builder#from} is the property {@code inngest.x-y}, so {@code inngest.signing-key}
 * may be set in {@code microprofile-config.properties}, as a system property, or (through MicroProfile
 * Config's environment-variable mapping) as {@code INNGEST_SIGNING_KEY}.
 */
final class MicroProfileInngestConfig {

    /** The app id used when {@code inngest.app-id} is not set. */
    static final String DEFAULT_APP_ID = "app";

    /** The property holding the app id. */
    static final String APP_ID = "inngest.app-id";

    private MicroProfileInngestConfig() {
    }

    /**
     * @param envName a name such as {@code INNGEST_SIGNING_KEY}
     * @return its property, such as {@code inngest.signing-key}
     */
    static String property(String envName) {
        return envName.toLowerCase(Locale.ROOT).replaceFirst("_", ".").replace('_', '-');
    }

    /**
     * @param config the MicroProfile Config
     * @return the configured app id, or null when not set
     */
    static String appId(Config config) {
        return config.getOptionalValue(APP_ID, String.class).filter(s -> !s.isBlank()).orElse(null);
    }

    /**
     * @param config the MicroProfile Config
     * @return the Inngest configuration
     * @throws IllegalArgumentException when a value cannot be read
     */
    static InngestConfig read(Config config) {
        String appId = appId(config);
        return InngestConfig.builder(appId == null ? DEFAULT_APP_ID : appId)
                .from(name -> config.getOptionalValue(property(name), String.class).orElse(null))
                .build();
    }
}
