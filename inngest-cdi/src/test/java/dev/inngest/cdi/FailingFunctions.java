package dev.inngest.cdi;

import jakarta.enterprise.context.Dependent;

/** A {@code @Dependent} bean whose function throws, to check that exceptions propagate unchanged. */
@Dependent
public class FailingFunctions {

    /** The user's own exception. */
    public static class OrderRejected extends Exception {
        OrderRejected(String message) {
            super(message);
        }
    }

    @InngestFunction(id = "reject")
    @OnEvent("demo/reject")
    void reject() throws OrderRejected {
        throw new OrderRejected("no stock");
    }
}
