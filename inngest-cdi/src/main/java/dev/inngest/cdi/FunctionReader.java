package dev.inngest.cdi;

import dev.inngest.error.InvalidFunctionException;
import dev.inngest.function.Backoff;
import dev.inngest.function.Batching;
import dev.inngest.function.Cancellation;
import dev.inngest.function.CronExpression;
import dev.inngest.function.FunctionOptions;
import dev.inngest.function.Trigger;
import dev.inngest.time.TimeString;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the annotations of one {@link InngestFunction} method into {@link FunctionOptions} and a handler,
 * collecting every problem instead of stopping at the first.
 */
final class FunctionReader {

    /** The annotations that only mean something next to {@link InngestFunction}. */
    static final List<Class<? extends Annotation>> OPTION_ANNOTATIONS = List.of(OnEvent.class, OnEvent.List.class,
            OnCron.class, OnCron.List.class, Concurrency.class, Concurrency.List.class, RateLimit.class,
            Throttle.class, Debounce.class, BatchEvents.class, CancelOn.class, CancelOn.List.class, Retries.class,
            Idempotency.class, RunPriority.class, Timeouts.class, SingletonRun.class, OnFailure.class);

    /**
     * What reading one method gave.
     *
     * @param id the function id
     * @param where {@code Bean#method}
     * @param options the options with their failure handler, or null when there were problems
     * @param handler the handler, or null when there were problems
     * @param problems every problem, with its code
     */
    record Result(String id, String where, FunctionOptions options, BeanMethodHandler handler, List<String> problems) {
    }

    private final Bean<?> bean;
    private final Method method;
    private final AnnotatedMethod<?> annotated;
    private final String where;
    private final List<String> problems = new ArrayList<>();

    private FunctionReader(Bean<?> bean, AnnotatedMethod<?> annotated) {
        this.bean = bean;
        this.annotated = annotated;
        this.method = annotated.getJavaMember();
        this.where = Problems.where(bean.getBeanClass(), method);
    }

    /**
     * Reads one function method.
     *
     * @param bean the bean declaring it
     * @param annotated the method as CDI sees it (annotations may have been changed by extensions)
     * @return the options and handler, or the problems
     */
    static Result read(Bean<?> bean, AnnotatedMethod<?> annotated) {
        return new FunctionReader(bean, annotated).read();
    }

    private Result read() {
        InngestFunction fn = annotated.getAnnotation(InngestFunction.class);
        BeanMethodHandler handler = handler(method, null);
        FunctionOptions.Builder b = FunctionOptions.builder(fn.id());
        if (!fn.name().isEmpty()) {
            b.name(fn.name());
        }
        triggers(b);
        flowControl(b);
        failureHandler(b);
        FunctionOptions options = null;
        try {
            options = b.build();
        } catch (InvalidFunctionException e) {
            e.details().stream()
                    .filter(p -> !p.code().equals(InvalidFunctionException.NO_TRIGGER)) // reported as INNGEST-D002
                    .forEach(p -> problems.add(Problems.badOption(where, "InngestFunction", p.toString())));
        } catch (IllegalArgumentException e) {
            problems.add(Problems.badOption(where, "InngestFunction", e.getMessage()));
        }
        return problems.isEmpty()
                ? new Result(fn.id(), where, options, handler, List.of())
                : new Result(fn.id(), where, null, null, List.copyOf(problems));
    }

    private void triggers(FunctionOptions.Builder b) {
        List<OnEvent> events = annotated.getAnnotations(OnEvent.class).stream().toList();
        List<OnCron> crons = annotated.getAnnotations(OnCron.class).stream().toList();
        if (events.isEmpty() && crons.isEmpty()) {
            problems.add(Problems.noTrigger(where));
        }
        for (OnEvent e : events) {
            option("OnEvent", () -> b.trigger(e.expression().isEmpty()
                    ? Trigger.event(e.value()) : Trigger.event(e.value(), e.expression())));
        }
        for (OnCron c : crons) {
            String problem = CronExpression.problem(c.value());
            if (problem != null) {
                problems.add(Problems.badCron(where, c.value(), problem));
            } else {
                option("OnCron", () -> b.trigger(c.jitter().isEmpty()
                        ? Trigger.cron(c.value()) : Trigger.cron(c.value()).jitter(c.jitter())));
            }
        }
    }

    private void flowControl(FunctionOptions.Builder b) {
        for (Concurrency c : annotated.getAnnotations(Concurrency.class)) {
            option("Concurrency", () -> b.concurrency(
                    new dev.inngest.function.Concurrency(c.limit(), blank(c.key()),
                            c.scope() == dev.inngest.function.Concurrency.Scope.FN ? null : c.scope())));
        }
        RateLimit rl = annotated.getAnnotation(RateLimit.class);
        if (rl != null && time("@RateLimit period", rl.period())) {
            option("RateLimit", () -> b.rateLimit(dev.inngest.function.RateLimit.of(rl.limit(), rl.period())
                    .key(blank(rl.key()))));
        }
        Throttle th = annotated.getAnnotation(Throttle.class);
        if (th != null && time("@Throttle period", th.period())) {
            option("Throttle", () -> {
                dev.inngest.function.Throttle t = dev.inngest.function.Throttle.of(th.limit(), th.period())
                        .key(blank(th.key()));
                b.throttle(th.burst() == 0 ? t : t.burst(th.burst()));
            });
        }
        Debounce db = annotated.getAnnotation(Debounce.class);
        if (db != null && time("@Debounce period", db.period()) & optionalTime("@Debounce timeout", db.timeout())) {
            option("Debounce", () -> {
                dev.inngest.function.Debounce d = dev.inngest.function.Debounce.of(db.period()).key(blank(db.key()));
                b.debounce(db.timeout().isEmpty() ? d : d.timeout(db.timeout()));
            });
        }
        BatchEvents be = annotated.getAnnotation(BatchEvents.class);
        if (be != null && time("@BatchEvents timeout", be.timeout())) {
            option("BatchEvents", () -> b.batchEvents(Batching.of(be.maxSize(), be.timeout())
                    .key(blank(be.key())).condition(blank(be.condition()))));
        }
        for (CancelOn c : annotated.getAnnotations(CancelOn.class)) {
            if (optionalTime("@CancelOn timeout", c.timeout())) {
                option("CancelOn", () -> {
                    if (!c.match().isEmpty() && !c.condition().isEmpty()) {
                        throw new IllegalArgumentException("set match or condition, not both");
                    }
                    Cancellation x = Cancellation.onEvent(c.event());
                    x = c.match().isEmpty() ? x.condition(blank(c.condition())) : x.match(c.match());
                    b.cancelOn(c.timeout().isEmpty() ? x : x.timeout(c.timeout()));
                });
            }
        }
        Retries r = annotated.getAnnotation(Retries.class);
        if (r != null) {
            if (r.value() < 0 || r.value() > FunctionOptions.MAX_RETRIES) {
                problems.add(Problems.badOption(where, "Retries", "retries must be from 0 to "
                        + FunctionOptions.MAX_RETRIES + ", was " + r.value()));
            } else {
                b.retries(r.value());
            }
            boolean interval = !r.backoffInterval().isEmpty();
            boolean max = !r.backoffMaxInterval().isEmpty();
            if (interval != max) {
                problems.add(Problems.badOption(where, "Retries",
                        "set backoffInterval and backoffMaxInterval together, or neither"));
            } else if (interval && time("@Retries backoffInterval", r.backoffInterval())
                    & time("@Retries backoffMaxInterval", r.backoffMaxInterval())) {
                option("Retries", () -> b.backoff(
                        Backoff.exponential(r.backoffInterval(), r.backoffFactor(), r.backoffMaxInterval())));
            }
        }
        Idempotency idem = annotated.getAnnotation(Idempotency.class);
        if (idem != null) {
            b.idempotency(idem.value());
        }
        RunPriority prio = annotated.getAnnotation(RunPriority.class);
        if (prio != null) {
            b.priority(prio.value());
        }
        Timeouts to = annotated.getAnnotation(Timeouts.class);
        if (to != null && optionalTime("@Timeouts start", to.start()) & optionalTime("@Timeouts finish", to.finish())) {
            option("Timeouts", () -> {
                if (to.start().isEmpty() && to.finish().isEmpty()) {
                    throw new IllegalArgumentException("set start, finish or both, such as @Timeouts(finish = \"1h\")");
                }
                b.timeouts(to.start().isEmpty() ? dev.inngest.function.Timeouts.finishAfter(to.finish())
                        : to.finish().isEmpty() ? dev.inngest.function.Timeouts.start(to.start())
                        : dev.inngest.function.Timeouts.start(to.start()).finish(to.finish()));
            });
        }
        SingletonRun s = annotated.getAnnotation(SingletonRun.class);
        if (s != null) {
            option("SingletonRun", () -> b.singleton(new dev.inngest.function.Singleton(blank(s.key()), s.mode())));
        }
    }

    private void failureHandler(FunctionOptions.Builder b) {
        OnFailure f = annotated.getAnnotation(OnFailure.class);
        if (f == null) {
            return;
        }
        List<Method> candidates = new ArrayList<>();
        for (Class<?> c = bean.getBeanClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(f.value()) && !m.isBridge() && !m.isSynthetic()
                        && candidates.stream().noneMatch(o -> Arrays.equals(o.getParameterTypes(), m.getParameterTypes()))) {
                    candidates.add(m);
                }
            }
        }
        if (candidates.size() != 1) {
            problems.add(Problems.failureMethodMissing(where, f.value(), bean.getBeanClass(), candidates.size()));
            return;
        }
        BeanMethodHandler failure = handler(candidates.get(0), f.value());
        if (failure != null) {
            b.onFailure(failure);
        }
    }

    /** Checks a method and makes its handler; null (and problems added) when it cannot be called. */
    private BeanMethodHandler handler(Method m, String failureName) {
        List<String> found = new ArrayList<>();
        if (Modifier.isStatic(m.getModifiers())) {
            found.add("it is static");
        }
        if (Modifier.isPrivate(m.getModifiers())) {
            found.add("it is private, so it cannot be called through the bean's proxy");
        }
        List<String> parameterProblems = new ArrayList<>();
        Parameters parameters = Parameters.of(m, parameterProblems);
        if (failureName != null) {
            found.addAll(parameterProblems);
            found.forEach(p -> problems.add(Problems.failureMethodUnusable(where, failureName, p)));
        } else {
            found.forEach(p -> problems.add(Problems.notInvocable(where, p)));
            parameterProblems.forEach(p -> problems.add(Problems.badParameter(where, p)));
            found.addAll(parameterProblems);
        }
        return found.isEmpty() ? new BeanMethodHandler(bean, m, parameters) : null;
    }

    /** Runs one option's construction, turning its refusal into a problem. */
    private void option(String annotation, Runnable build) {
        try {
            build.run();
        } catch (IllegalArgumentException e) {
            problems.add(Problems.badOption(where, annotation, e.getMessage()));
        }
    }

    private boolean time(String attribute, String value) {
        if (TimeString.isValid(value)) {
            return true;
        }
        problems.add(Problems.badTime(where, attribute, value));
        return false;
    }

    private boolean optionalTime(String attribute, String value) {
        return value.isEmpty() || time(attribute, value);
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
