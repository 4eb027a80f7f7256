package dev.inngest.cdi;

import dev.inngest.function.FunctionContext;
import dev.inngest.function.FunctionHandler;
import dev.inngest.step.Step;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;

/**
 * Runs a function by calling a bean method: a fresh bean reference per call (a client proxy for normal
 * scopes, a new instance, destroyed afterwards, for {@code @Dependent}), with the context, the step tools
 * and the event data as arguments. Exceptions of the method propagate unchanged.
 *
 * <p>The method is called through a method handle: most calls end with a step's interrupt thrown out of the
 * method, and {@code Method.invoke} would wrap each one in an {@code InvocationTargetException}, filling in
 * the app server's deep stack every time.
 */
final class BeanMethodHandler implements FunctionHandler {

    private final Bean<?> bean;
    private final Method method;
    private final Parameters parameters;
    private final Type referenceType;
    /** {@code (Object bean, Object[] arguments) Object}, or null where access allows reflection only. */
    private final MethodHandle invoker;
    private volatile BeanManager beanManager;

    BeanMethodHandler(Bean<?> bean, Method method, Parameters parameters) {
        this.bean = bean;
        this.method = method;
        this.parameters = parameters;
        if (!Modifier.isPublic(method.getModifiers()) || !Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            method.trySetAccessible();
        }
        this.referenceType = referenceType(bean, method);
        this.invoker = invoker(method);
    }

    private static MethodHandle invoker(Method method) {
        try {
            return MethodHandles.lookup().unreflect(method)
                    .asSpreader(Object[].class, method.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object.class, Object[].class));
        } catch (IllegalAccessException | RuntimeException notAccessible) {
            return null;
        }
    }

    @Override
    public Object run(FunctionContext ctx, Step step) throws Exception {
        BeanManager bm = beanManager();
        CreationalContext<?> cc = bm.createCreationalContext(bean);
        try {
            Object reference = bm.getReference(bean, referenceType, cc);
            Object[] arguments = parameters.arguments(ctx, step);
            return invoker != null ? invoke(reference, arguments) : reflect(reference, arguments);
        } finally {
            if (Dependent.class.equals(bean.getScope())) {
                cc.release();
            }
        }
    }

    /** Calls the method through its handle; whatever it throws comes out as it was thrown. */
    private Object invoke(Object reference, Object[] arguments) throws Exception {
        try {
            return (Object) invoker.invokeExact(reference, arguments);
        } catch (Throwable t) {
            throw BeanMethodHandler.<Exception>rethrow(t);
        }
    }

    /** Calls the method by reflection (where no handle could be made), unwrapping what the method threw. */
    private Object reflect(Object reference, Object[] arguments) throws Exception {
        try {
            return method.invoke(reference, arguments);
        } catch (InvocationTargetException e) {
            throw BeanMethodHandler.<Exception>rethrow(e.getCause());
        }
    }

    /** Throws any throwable unchanged, checked or not, without declaring it. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }

    private static Type referenceType(Bean<?> bean, Method method) {
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
