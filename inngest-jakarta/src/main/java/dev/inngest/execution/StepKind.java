package dev.inngest.execution;

/** The kinds of step, and whether the SDK runs their code (run-type) or the server acts on them. */
enum StepKind {
    RUN(true),
    SEND_EVENT(true),
    SLEEP(false),
    WAIT_FOR_EVENT(false),
    INVOKE(false);

    private final boolean runType;

    StepKind(boolean runType) {
        this.runType = runType;
    }

    /** @return true when the SDK runs the step's code itself */
    boolean isRunType() {
        return runType;
    }
}
