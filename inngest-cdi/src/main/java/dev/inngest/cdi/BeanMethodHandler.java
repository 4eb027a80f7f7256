package dev.inngest.cdi;

import dev.inngest.function.FunctionContext;
import dev.inngest.function.FunctionHandler;
import dev.inngest.step.Step;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;

/**
 * Runs a function by calling a bean method: a fresh bean reference per call (a client proxy for normal
 * scopes, a new instance, destroyed afterwards, for {@code @Dependent}), with the context, the step tools
 * and the event data as arguments. Exceptions of the method propagate unchanged.
 */
final class BeanMethodHandler implements FunctionHandler {

    private final Bean<?> bean;
    private final Method method;
    private final Parameters parameters;
    private volatile BeanManager beanManager;

    BeanMethodHandler(Bean<?> bean, Method method, Parameters parameters) {
        this.bean = bean;
        this.method = method;
        this.parameters = parameters;
        if (!Modifier.isPublic(method.getModifiers()) || !Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            method.trySetAccessible();
        }
    }

    @Override
    public Object run(FunctionContext ctx, Step step) throws Exception {
        BeanManager bm = beanManager();
        CreationalContext<?> cc = bm.createCreationalContext(bean);
        try {
            Object reference = bm.getReference(bean, referenceType(), cc);
            return method.invoke(reference, parameters.arguments(ctx, step));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        } finally {
            if (Dependent.class.equals(bean.getScope())) {
                cc.release();
            }
        }
    }

    private Type referenceType() {
        for (Type t : bean.getTypes()) {
            if (t instanceof Class<?> c && c != Object.class && method.getDeclaringClass().isAssignableFrom(c)) {
                return c;
            }
        }
        return Object.class;
    }

    private BeanManager beanManager() {
        BeanManager bm = beanManager;
        if (bm == null) {
            bm = CDI.current().getBeanManager();
            beanManager = bm;
        }
        return bm;
    }

    @Override
    public String toString() {
        return bean.getBeanClass().getName() + "#" + method.getName();
    }
}
