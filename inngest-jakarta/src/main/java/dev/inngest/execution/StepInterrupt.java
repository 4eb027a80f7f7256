package dev.inngest.execution;

/**
 * Stops a function's code at the first step that has not run yet. An {@link Error}, so that user code
 * catching {@code Exception} does not swallow it; it carries no stack trace, as it is control flow.
 */
final class StepInterrupt extends Error {

    private static final long serialVersionUID = 1L;

    StepInterrupt() {
        super("Inngest step interrupt: the function stops here and resumes on the next call. "
                + "Do not catch Throwable around steps.", null, false, false);
    }
}
