package dev.inngest.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inngest.Inngest;
import dev.inngest.cdi.InngestFunction;
import dev.inngest.it.broken.BrokenFunctions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static PrintStream originalOut;

    @Deployment(testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive deployment() {
        captureConsole();
        return ShrinkWrap.create(WebArchive.class, "invalid-functions.war")
            .addClass(BrokenFunctions.class)
            .addAsResource(new StringAsset("inngest.app-id=broken-app\ninngest.dev=true\n"),
                "META-INF/microprofile-config.properties")
            .addAsLibraries(ItSupport.moduleJar(Inngest.class, "inngest-jakarta.jar"),
                ItSupport.moduleJar(InngestFunction.class, "inngest-cdi.jar"));
    }

    @AfterAll
    static void restoreConsole() {
        if (originalOut != null) {
            System.setOut(originalOut);
        }
    }

    @Test
    void theDeploymentFailsWithEveryProblemAndItsCode() {
        List<String> expected = List.of(
            "2 Inngest problems found; the application cannot start",
            "INNGEST-D002 BrokenFunctions#noTrigger: the function has no trigger",
            "INNGEST-D003 BrokenFunctions#badCron: @OnCron(\"61 25 * * *\") is invalid");
        ItSupport.await("the server to log " + expected, () -> expected.stream().allMatch(serverOutput()::contains));
        String out = serverOutput();
        for (String e : expected) {
            assertTrue(out.contains(e), e);
        }
    }

    /** Liberty's messages.log when running on Liberty (wlp.home is set by the profile), plus the captured console. */
    private static String serverOutput() {
        StringBuilder sb = new StringBuilder();
        synchronized (CONSOLE) {
            sb.append(CONSOLE.toString(StandardCharsets.UTF_8));
        }
        String wlp = System.getProperty("wlp.home");
        if (wlp != null) {
            Path log = Path.of(wlp, "usr", "servers", "arquillian", "logs", "messages.log");
            try {
                if (Files.isRegularFile(log)) {
                    sb.append(Files.readString(log, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return sb.toString();
    }

    /** Copies System.out into a buffer while still printing it. */
    private static void captureConsole() {
        originalOut = System.out;
        PrintStream original = originalOut;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (CONSOLE) {
                    CONSOLE.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (CONSOLE) {
                    CONSOLE.write(b, off, len);
                }
            }
        }, true, StandardCharsets.UTF_8));
    }
}
