package dev.inngest.step;

/**
 * The code of a {@code step.run} that returns a value. It may throw checked exceptions.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface StepAction<T> {

    /**
     * @return the step's result, recorded by Inngest and returned on every later call
     * @throws Exception a failure: the step is retried unless it is a
     *     {@link dev.inngest.error.NonRetriableException}
     */
    T run() throws Exception;
}
