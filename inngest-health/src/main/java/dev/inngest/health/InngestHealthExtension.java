package dev.inngest.health;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.logging.Logger;

/**
 * Adds {@link InngestReadinessCheck} as a bean when the MicroProfile Health API is there (Payara; Open Liberty
 * with {@code mpHealth-4.0}), and nothing otherwise, so that the module never breaks a deployment. Registered
 * through {@code META-INF/services}; the jar has no {@code beans.xml}, so any bean-discovery mode works.
 */
public class InngestHealthExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(InngestHealthExtension.class.getName());
    private static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";

    /**
     * Adds the readiness check.
     *
     * @param bbd the event
     * @param beans the bean manager
     */
    protected void addCheck(@Observes BeforeBeanDiscovery bbd, BeanManager beans) {
        if (!healthApiPresent()) {
            LOG.info("INNGEST-H002 MicroProfile Health is not available; the \"inngest\" readiness check is off "
                    + "(on Open Liberty, add the feature mpHealth-4.0)");
            return;
        }
        bbd.addAnnotatedType(beans.createAnnotatedType(InngestReadinessCheck.class),
                InngestReadinessCheck.class.getName());
    }

    private static boolean healthApiPresent() {
        try {
            Class.forName(HEALTH_API, false, InngestHealthExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
