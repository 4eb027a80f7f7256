package dev.inngest.cdi;

import dev.inngest.function.FunctionContext;
import dev.inngest.step.TypeRef;
import dev.inngest.step.Step;
import jakarta.json.JsonObject;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * How the parameters of a function method are supplied: the context, the step tools, or the trigger
 * event's data mapped to the parameter's type.
 */
final class Parameters {

    private final Type[] types;
    private final Kind[] kinds;

    private enum Kind { CONTEXT, STEP, DATA, JSON }

    private Parameters(Type[] types, Kind[] kinds) {
        this.types = types;
        this.kinds = kinds;
    }

    /**
     * Reads a method's parameters.
     *
     * @param method the method
     * @param problems receives one text per unsupported parameter (without code)
     * @return the plan, meaningful only when no problem was added
     */
    static Parameters of(Method method, List<String> problems) {
        Class<?>[] raw = method.getParameterTypes();
        Type[] generic = method.getGenericParameterTypes();
        if (generic.length != raw.length) {
            generic = raw; // inner-class constructors only; not the case for methods, but be safe
        }
        Kind[] kinds = new Kind[raw.length];
        int contexts = 0;
        int steps = 0;
        List<String> data = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            Class<?> c = raw[i];
            if (c == FunctionContext.class) {
                kinds[i] = Kind.CONTEXT;
                contexts++;
            } else if (c == Step.class) {
                kinds[i] = Kind.STEP;
                steps++;
            } else if (c.isPrimitive()) {
                problems.add("parameter " + (i + 1) + " has the primitive type " + c.getName()
                        + ", which cannot hold event data");
            } else {
                kinds[i] = c == JsonObject.class ? Kind.JSON : Kind.DATA;
                data.add(c.getSimpleName());
            }
        }
        if (contexts > 1) {
            problems.add("FunctionContext appears " + contexts + " times");
        }
        if (steps > 1) {
            problems.add("Step appears " + steps + " times");
        }
        if (data.size() > 1) {
            problems.add("it has " + data.size() + " event-data parameters " + data + ", only one is allowed");
        }
        return new Parameters(generic, kinds);
    }

    /**
     * The arguments of one call.
     *
     * @param ctx the run
     * @param step the step tools
     * @return the arguments, in order
     */
    Object[] arguments(FunctionContext ctx, Step step) {
        Object[] args = new Object[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            args[i] = switch (kinds[i]) {
                case CONTEXT -> ctx;
                case STEP -> step;
                case JSON -> ctx.event().data();
                case DATA -> ctx.event().data(TypeRef.ofType(types[i]));
            };
        }
        return args;
    }
}
