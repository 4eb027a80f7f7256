package dev.inngest.executor;

/** Where a run stands. */
public enum RunStatus {
    /** started and not finished: running a step, sleeping or waiting */
    RUNNING,
    /** the function returned */
    COMPLETED,
    /** the function failed for good */
    FAILED,
    /** a cancellation event stopped it */
    CANCELLED;

    /** @return true once the run will not change any more */
    public boolean isFinished() {
        return this != RUNNING;
    }
}
