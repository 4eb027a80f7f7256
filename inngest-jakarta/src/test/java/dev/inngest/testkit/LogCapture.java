package dev.inngest.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Records what a JUL logger (and its children) writes while open, at every level, instead of printing it. */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level oldLevel;
    private final boolean oldUseParent;
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(String name) {
        this.logger = Logger.getLogger(name);
        this.oldLevel = logger.getLevel();
        this.oldUseParent = logger.getUseParentHandlers();
        handler.setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    /**
     * @param name the logger's name, e.g. {@code dev.inngest}
     * @return a capture, open until closed
     */
    public static LogCapture of(String name) {
        return new LogCapture(name);
    }

    /** @return the records so far */
    public List<LogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** @return each record's formatted message, in order */
    public List<String> messages() {
        SimpleFormatter f = new SimpleFormatter();
        return records().stream().map(f::formatMessage).toList();
    }

    /** @return everything written: formatted messages, exceptions and their causes, one line each */
    public String text() {
        SimpleFormatter f = new SimpleFormatter();
        StringBuilder sb = new StringBuilder();
        for (LogRecord r : records()) {
            sb.append(r.getLevel()).append(' ').append(r.getLoggerName()).append(' ').append(f.formatMessage(r));
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                sb.append(" | ").append(t);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(oldLevel);
        logger.setUseParentHandlers(oldUseParent);
    }
}
