package dev.inngest.it.arquillian;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Makes a failed deployment on Payara Micro a deployment failure, as it is on Open Liberty.
 *
 * <p>The Payara Micro managed adapter (3.1) starts Micro with {@code --deploy <war>}; when the application
 * fails to start (for example a CDI {@code DeploymentException}), Micro still comes up, lists
 * {@code "Deployed": []}, and the adapter returns normally with no web context. Arquillian then treats the
 * deployment as successful, so {@code @ShouldThrowException} cannot be used. This observer, registered through
 * {@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension}, throws Arquillian's
 * {@link DeploymentException} after such a deployment. It only looks at Payara containers, at deployments marked
 * {@code @ShouldThrowException}, and only when no servlet at all was found (every real deployment has at least the
 * container's default servlet).
 */
public class PayaraFailedDeploymentExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(NoApplicationMeansFailure.class);
    }

    /** The observer. */
    public static class NoApplicationMeansFailure {

        @Inject
        private Instance<ProtocolMetaData> metaData;

        /**
         * @param event after a deployment
         * @throws DeploymentException when Payara Micro came up without the application
         */
        public void check(@Observes AfterDeploy event) throws DeploymentException {
            if (!event.getDeployableContainer().getClass().getName().startsWith("fish.payara.")
                    || event.getDeployment().getExpectedException() == null) {
                // only deployments that expect to fail: the adapter reads the servlet list from Micro's output
                // and, on a loaded machine, sometimes returns before it, which must not fail a good deployment
                return;
            }
            ProtocolMetaData md = metaData.get();
            boolean deployed = md != null && md.getContexts(HTTPContext.class).stream()
                    .anyMatch(c -> !c.getServlets().isEmpty());
            if (!deployed) {
                throw new DeploymentException("Payara Micro started without " + event.getDeployment().getName()
                        + ": the application failed to deploy (its error is in the Micro output above)");
            }
        }
    }
}
