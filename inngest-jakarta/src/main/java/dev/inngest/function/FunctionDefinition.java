package dev.inngest.function;

import java.util.Objects;

/**
 * A function: its options and its code. Create one with {@link dev.inngest.Inngest#createFunction}.
 *
 * @param options id, triggers and flow control
 * @param handler the code
 */
public record FunctionDefinition(FunctionOptions options, FunctionHandler handler) {

    /** Checks that both parts are present. */
    public FunctionDefinition {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(handler, "handler");
    }

    /** @return the function id, as given in code */
    public String id() {
        return options.id();
    }

    /** @return the display name */
    public String name() {
        return options.name();
    }
}
