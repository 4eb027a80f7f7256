package dev.inngest.cdi;

import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** Boots Weld SE with the extension and the given beans (no discovery, so the extension is added by hand). */
final class WeldContainers {

    private WeldContainers() {
    }

    static WeldContainer start(Class<?>... beans) {
        resetConfig();
        return new Weld().disableDiscovery()
                .addExtension(new InngestExtension())
                .addBeanClasses(beans)
                .initialize();
    }

    /** Forgets the cached MicroProfile Config so that system properties set by a test are seen. */
    static void resetConfig() {
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    /** Sets system properties, returning a restorer. */
    static Runnable properties(Map<String, String> values) {
        Map<String, String> old = new java.util.HashMap<>();
        values.forEach((k, v) -> {
            old.put(k, System.getProperty(k));
            System.setProperty(k, v);
        });
        return () -> old.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    /** The messages of an exception, its causes and suppressed exceptions. */
    static String text(Throwable t) {
        StringBuilder sb = new StringBuilder();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        todo.add(t);
        while (!todo.isEmpty()) {
            Throwable x = todo.poll();
            if (!seen.add(x)) {
                continue;
            }
            sb.append(x).append('\n');
            if (x.getCause() != null) {
                todo.add(x.getCause());
            }
            todo.addAll(java.util.List.of(x.getSuppressed()));
        }
        return sb.toString();
    }
}
