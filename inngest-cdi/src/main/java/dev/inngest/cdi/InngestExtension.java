package dev.inngest.cdi;

import dev.inngest.Inngest;
import dev.inngest.InngestConfig;
import dev.inngest.function.FunctionDefinition;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Finds the {@link InngestFunction} methods of the application's beans and serves them through an
 * {@link Inngest} bean configured from MicroProfile Config ({@code inngest.*} properties).
 *
 * <ul>
 *   <li>{@link ProcessManagedBean}: collects the methods (and option annotations without a function);</li>
 *   <li>{@link AfterBeanDiscovery}: reads every method into function options and adds the {@code Inngest}
 *       bean ({@link Singleton} scope: the class is final, so it cannot be proxied);</li>
 *   <li>{@link AfterDeploymentValidation}: checks ids across beans and the configuration, and reports
 *       every problem found so far in <em>one</em> deployment exception, each line with its
 *       {@code INNGEST-Dnnn} code, so a user fixes all of them in one go.</li>
 * </ul>
 *
 * <p>Registered through {@code META-INF/services}; the jar has no {@code beans.xml}, so it works in any
 * bean-discovery mode. Observers are {@code protected} so that an integrator can extend the extension.
 */
public class InngestExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(InngestExtension.class.getName());

    private record Found(Bean<?> bean, AnnotatedMethod<?> method) {
    }

    private final List<Found> found = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<FunctionReader.Result> functions = new ArrayList<>();

    /**
     * Collects the function methods of a bean.
     *
     * @param pmb the managed bean
     * @param <T> its class
     */
    protected <T> void collect(@Observes ProcessManagedBean<T> pmb) {
        for (AnnotatedMethod<? super T> m : pmb.getAnnotatedBeanClass().getMethods()) {
            if (m.isAnnotationPresent(InngestFunction.class)) {
                found.add(new Found(pmb.getBean(), m));
            } else {
                for (Class<? extends Annotation> option : FunctionReader.OPTION_ANNOTATIONS) {
                    if (m.isAnnotationPresent(option) && !option.getSimpleName().equals("List")) {
                        problems.add(Problems.optionWithoutFunction(
                                Problems.where(pmb.getBean().getBeanClass(), m.getJavaMember()), option.getSimpleName()));
                    }
                }
            }
        }
    }

    /**
     * Reads the functions and adds the {@link Inngest} bean.
     *
     * @param abd the event
     */
    protected void addBeans(@Observes AfterBeanDiscovery abd) {
        Map<String, List<String>> byId = new LinkedHashMap<>();
        synchronized (found) {
            for (Found f : found) {
                FunctionReader.Result r = FunctionReader.read(f.bean(), f.method());
                problems.addAll(r.problems());
                if (r.problems().isEmpty()) {
                    functions.add(r);
                }
                byId.computeIfAbsent(r.id(), id -> new ArrayList<>()).add(r.where());
            }
        }
        byId.forEach((id, wheres) -> {
            if (wheres.size() > 1) {
                problems.add(Problems.duplicateId(id, wheres));
            }
        });
        abd.addBean()
                .beanClass(Inngest.class)
                .types(Inngest.class, Object.class)
                .scope(Singleton.class)
                .createWith(cc -> createInngest())
                .destroyWith((inngest, cc) -> ((Inngest) inngest).close()); // releases the HTTP clients it built
    }

    /**
     * Checks the configuration and reports every problem at once.
     *
     * @param adv the event
     */
    protected void report(@Observes AfterDeploymentValidation adv) {
        List<String> all = new ArrayList<>(problems);
        try {
            Config config = ConfigProvider.getConfig();
            if (MicroProfileInngestConfig.appId(config) == null) {
                LOG.warning("INNGEST-W001 " + MicroProfileInngestConfig.APP_ID + " is not set; using the app id \""
                        + MicroProfileInngestConfig.DEFAULT_APP_ID + "\". Set it (or INNGEST_APP_ID) to your app's name");
            }
            InngestConfig c = MicroProfileInngestConfig.read(config);
            for (String p : c.problems()) {
                LOG.severe("Inngest: " + p);
            }
        } catch (IllegalArgumentException e) {
            all.add(Problems.badConfig(e.getMessage()));
        } catch (IllegalStateException e) {
            LOG.log(Level.WARNING, "INNGEST-W002 MicroProfile Config is not available: " + e.getMessage(), e);
        }
        if (!all.isEmpty()) {
            adv.addDeploymentProblem(new DeploymentException(Problems.summary(all)));
        } else {
            LOG.info(() -> "Inngest: " + functions.size() + " function(s) found: "
                    + functions.stream().map(r -> r.id() + " (" + r.where() + ")").toList());
        }
    }

    /** @return the function ids found, in discovery order (for tests and diagnostics) */
    protected List<String> functionIds() {
        return functions.stream().map(FunctionReader.Result::id).toList();
    }

    private Inngest createInngest() {
        Inngest.Builder builder = Inngest.builder(MicroProfileInngestConfig.read(ConfigProvider.getConfig()));
        managedExecutor().ifPresent(builder::executor);
        Inngest inngest = builder.build();
        for (FunctionReader.Result r : functions) {
            inngest.addFunction(new FunctionDefinition(r.options(), r.handler()));
        }
        return inngest;
    }

    /**
     * The server's default managed executor, so that {@code sendAsync} runs on container-managed threads;
     * empty outside a Jakarta EE server (the SDK then uses a small pool of its own).
     */
    private static Optional<Executor> managedExecutor() {
        try {
            Object found = new InitialContext().lookup("java:comp/DefaultManagedExecutorService");
            return found instanceof Executor ? Optional.of((Executor) found) : Optional.empty();
        } catch (NamingException | RuntimeException notInAServer) {
            return Optional.empty();
        }
    }
}
