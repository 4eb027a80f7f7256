package dev.inngest.step;

/** The code of a {@code step.run} that returns nothing. It may throw checked exceptions. */
@FunctionalInterface
public interface StepRunnable {

    /**
     * @throws Exception a failure: the step is retried unless it is a
     *     {@link dev.inngest.error.NonRetriableException}
     */
    void run() throws Exception;
}
