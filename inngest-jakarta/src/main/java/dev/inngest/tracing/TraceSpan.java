package dev.inngest.tracing;

/**
 * An open span of the SDK's tracing; it is the current span until {@link #close()}, which ends it. Close it
 * on the thread that opened it, in reverse order of opening (try-with-resources does).
 */
public interface TraceSpan extends AutoCloseable {

    /** The span that records nothing. */
    TraceSpan NONE = new TraceSpan() {
        @Override
        public TraceSpan set(String key, String value) {
            return this;
        }

        @Override
        public TraceSpan set(String key, long value) {
            return this;
        }

        @Override
        public void fail(Throwable error) {
        }

        @Override
        public void fail(String description) {
        }

        @Override
        public void close() {
        }
    };

    /**
     * @param key the attribute, e.g. {@link Tracing#FUNCTION_ID}
     * @param value its value; null leaves the attribute out
     * @return this span
     */
    TraceSpan set(String key, String value);

    /**
     * @param key the attribute, e.g. {@link Tracing#ATTEMPT}
     * @param value its value
     * @return this span
     */
    TraceSpan set(String key, long value);

    /**
     * Marks the span failed and records the exception.
     *
     * @param error what went wrong
     */
    void fail(Throwable error);

    /**
     * Marks the span failed.
     *
     * @param description what went wrong
     */
    void fail(String description);

    /** Ends the span and makes its parent current again. */
    @Override
    void close();
}
