package dev.inngest.execution;

import dev.inngest.function.RunLogger;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The {@link RunLogger} of one call: asks the {@link Execution} whether the code runs for real. */
final class ExecutionLogger implements RunLogger {

    /** The prefix of every run logger's name; the function id follows. */
    static final String LOGGER_PREFIX = "dev.inngest.run.";

    private final Execution execution;
    /** Looked up on first use: most calls never log, and the lookup is a synchronized registry search. */
    private volatile Logger logger;

    ExecutionLogger(Execution execution) {
        this.execution = execution;
    }

    private Logger logger() {
        Logger l = logger;
        if (l == null) {
            l = Logger.getLogger(LOGGER_PREFIX + execution.function().id());
            logger = l;
        }
        return l;
    }

    @Override
    public void debug(String message, Object... args) {
        log(Level.FINE, message, args);
    }

    @Override
    public void info(String message, Object... args) {
        log(Level.INFO, message, args);
    }

    @Override
    public void warn(String message, Object... args) {
        log(Level.WARNING, message, args);
    }

    @Override
    public void warn(String message, Throwable error) {
        log(Level.WARNING, message, new Object[] {error});
    }

    @Override
    public void error(String message, Object... args) {
        log(Level.SEVERE, message, args);
    }

    @Override
    public void error(String message, Throwable error) {
        log(Level.SEVERE, message, new Object[] {error});
    }

    @Override
    public boolean isWriting() {
        return execution.runsForReal();
    }

    private void log(Level level, String message, Object[] args) {
        Logger logger = logger();
        if (!logger.isLoggable(level) || !isWriting()) {
            return;
        }
        Object[] values = args == null ? new Object[0] : args;
        Throwable thrown = null;
        if (values.length > 0 && values[values.length - 1] instanceof Throwable) {
            thrown = (Throwable) values[values.length - 1];
            values = Arrays.copyOf(values, values.length - 1);
        }
        String text = values.length == 0 || message == null ? String.valueOf(message)
                : MessageFormat.format(message, values);
        LogRecord record = new LogRecord(level, tags() + text);
        record.setLoggerName(logger.getName());
        record.setSourceClassName(logger.getName());
        String step = execution.runningStepId();
        record.setSourceMethodName(step == null ? "run" : step);
        record.setThrown(thrown);
        logger.log(record);
    }

    private String tags() {
        ExecutionRequest request = execution.request();
        String step = execution.runningStepId();
        return "[fn=" + execution.function().id() + " run=" + request.runId()
                + (step == null ? "" : " step=" + step) + " attempt=" + request.attempt() + "] ";
    }
}
