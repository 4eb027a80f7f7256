package dev.inngest.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.Inngest;
import dev.inngest.cdi.InngestFunction;
import dev.inngest.it.broken.BrokenFunctions;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WAR whose only bean has two broken {@code @InngestFunction} methods must not deploy, and the server log must
 * name both problems with their codes, in one report.
 *
 * <p>How the adapters report it: Payara Micro's managed adapter throws Arquillian's
 * {@code org.jboss.arquillian.container.spi.client.container.DeploymentException} ("No applications were found
 * deployed to Payara Micro") once Micro is up without the app; Liberty's wraps the CDI
 * {@code jakarta.enterprise.inject.spi.DeploymentException} it finds in the server log. {@code Exception.class}
 * covers both. The CDI message itself never reaches the client, so the test reads the server's output:
 * Liberty's {@code messages.log}, or Payara Micro's console, which its adapter copies to this JVM's
 * {@code System.out} (captured here from before the deployment).
 */
@ExtendWith(ArquillianExtension.class)
class InvalidFunctionIT {

    @Deployment(testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive deployment() {
        ServerLog.capture();
        return ShrinkWrap.create(WebArchive.class, "invalid-functions.war")
            .addClass(BrokenFunctions.class)
            .addAsWebInfResource(ItSupport.beansXml("annotated"), "beans.xml")
            .addAsResource(new StringAsset("inngest.app-id=broken-app\ninngest.dev=true\n"),
                "META-INF/microprofile-config.properties")
            .addAsLibraries(ItSupport.moduleJar(Inngest.class, "inngest-jakarta.jar"),
                ItSupport.moduleJar(InngestFunction.class, "inngest-cdi.jar"));
    }

    @AfterAll
    static void restoreConsole() {
        ServerLog.release();
    }

    @Test
    void theDeploymentFailsWithEveryProblemAndItsCode() {
        List<String> expected = List.of(
            "2 Inngest problems found; the application cannot start",
            "INNGEST-D002 BrokenFunctions#noTrigger: the function has no trigger",
            "INNGEST-D003 BrokenFunctions#badCron: @OnCron(\"61 25 * * *\") is invalid");
        ItSupport.await("the server to log " + expected, () -> expected.stream().allMatch(ServerLog.text()::contains));
        String out = ServerLog.text();
        for (String e : expected) {
            assertTrue(out.contains(e), e);
        }
    }
}
