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

    /** A function that lets a reflective call's own wrapper escape: the user's exception, not the SDK's. */
    @InngestFunction(id = "reflective")
    @OnEvent("demo/reflective")
    void reflective() throws java.lang.reflect.InvocationTargetException {
        throw new java.lang.reflect.InvocationTargetException(new IllegalStateException("inner"), "from the user's code");
    }
}
