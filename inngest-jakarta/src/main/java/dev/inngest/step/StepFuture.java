package dev.inngest.step;

/**
 * A step started without waiting for it, so that several steps run in parallel. Wait with
 * {@link Step#all(StepFuture[])} or {@link #get()}.
 *
 * <pre>{@code
 * StepFuture<Price> a = step.runAsync("price-a", Price.class, () -> supplierA.quote(item));
 * StepFuture<Price> b = step.runAsync("price-b", Price.class, () -> supplierB.quote(item));
 * step.all(a, b);
 * Price best = a.get().compareTo(b.get()) <= 0 ? a.get() : b.get();
 * }</pre>
 *
 * @param <T> the step's result type
 */
public interface StepFuture<T> {

    /**
     * The step's result, waiting for it (and for every other step started but not finished) if needed.
     *
     * @return the result
     * @throws dev.inngest.error.StepError if the step failed for good
     */
    T get();

    /** @return true once the step's result is known in this call */
    boolean isDone();

    /** @return the id the step was given in code */
    String id();
}
