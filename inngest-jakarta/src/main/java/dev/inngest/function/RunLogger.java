package dev.inngest.function;

/**
 * A logger for a function's code that writes only when the code really runs: lines written while Inngest
 * replays steps that already have results are dropped, so each line appears once per real execution, not
 * once per call of the function.
 *
 * <pre>{@code
 * ctx.logger().info("charging order {0}", order.id());   // once, however many steps follow
 * }</pre>
 *
 * <p>Lines go to {@code java.util.logging} under the logger {@code dev.inngest.run.<functionId>} (so into the
 * application server's log) and start with the run's tags:
 * {@code [fn=process-order run=01H.. step=charge attempt=0]}; {@code step} is there inside a step's code.
 * Messages use {@link java.text.MessageFormat} placeholders ({@code {0}}, {@code {1}}); a {@link Throwable}
 * as the last argument is logged as the line's exception.
 *
 * <p>Code inside {@code step.run(...)} only runs for real and always logs. Code outside steps logs once every
 * step that already has a result has been reached again; on a call that runs one planned parallel step, only
 * that step's code logs.
 */
public interface RunLogger {

    /**
     * @param message the message, with {@code {0}}-style placeholders
     * @param args the values, optionally ending with a {@link Throwable}
     */
    void debug(String message, Object... args);

    /**
     * @param message the message, with {@code {0}}-style placeholders
     * @param args the values, optionally ending with a {@link Throwable}
     */
    void info(String message, Object... args);

    /**
     * @param message the message, with {@code {0}}-style placeholders
     * @param args the values, optionally ending with a {@link Throwable}
     */
    void warn(String message, Object... args);

    /**
     * @param message the message
     * @param error the exception, logged with its stack trace
     */
    void warn(String message, Throwable error);

    /**
     * @param message the message, with {@code {0}}-style placeholders
     * @param args the values, optionally ending with a {@link Throwable}
     */
    void error(String message, Object... args);

    /**
     * @param message the message
     * @param error the exception, logged with its stack trace
     */
    void error(String message, Throwable error);

    /** @return true when lines written now are kept: the code is not replaying memoized steps */
    boolean isWriting();
}
