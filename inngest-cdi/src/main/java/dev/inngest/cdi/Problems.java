package dev.inngest.cdi;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Every mistake the extension reports, one factory per mistake, each with a stable code
 * ({@code INNGEST-Dnnn}), the method ({@code Bean#method}), what is wrong and how to fix it.
 */
final class Problems {

    private Problems() {
    }

    static String where(Class<?> beanClass, Method method) {
        return beanClass.getSimpleName() + "#" + method.getName();
    }

    /** An option annotation on a method that is not an Inngest function. */
    static String optionWithoutFunction(String where, String annotation) {
        return "INNGEST-D001 " + where + ": @" + annotation + " has no effect without @InngestFunction; "
                + "add @InngestFunction(id = \"...\") to the method or remove @" + annotation;
    }

    /** No trigger. */
    static String noTrigger(String where) {
        return "INNGEST-D002 " + where + ": the function has no trigger; add @OnEvent(\"shop/order.created\") "
                + "or @OnCron(\"0 0 * * *\")";
    }

    /** A cron expression the server would refuse. */
    static String badCron(String where, String cron, String problem) {
        return "INNGEST-D003 " + where + ": @OnCron(\"" + cron + "\") is invalid: " + problem;
    }

    /** A time string that cannot be read. */
    static String badTime(String where, String attribute, String value) {
        return "INNGEST-D004 " + where + ": " + attribute + " = \"" + value + "\" is not a time string; "
                + "write a number and a unit, such as \"30s\", \"5m\", \"1h30m\" or \"7d\"";
    }

    /** An option value the option itself refuses. */
    static String badOption(String where, String annotation, String message) {
        return "INNGEST-D005 " + where + ": @" + annotation + ": " + message;
    }

    /** A parameter the extension cannot supply. */
    static String badParameter(String where, String what) {
        return "INNGEST-D006 " + where + ": " + what + "; parameters may be FunctionContext, Step and one "
                + "event-data parameter (a record, POJO, Map or JsonObject), in any order";
    }

    /** {@code @OnFailure} names no method, or several. */
    static String failureMethodMissing(String where, String name, Class<?> beanClass, int found) {
        return "INNGEST-D007 " + where + ": @OnFailure(\"" + name + "\") names "
                + (found == 0 ? "no method" : found + " methods (it is overloaded)") + " of "
                + beanClass.getSimpleName() + "; declare exactly one non-static, non-private method named \""
                + name + "\" in the same bean";
    }

    /** {@code @OnFailure} names a method the extension cannot call. */
    static String failureMethodUnusable(String where, String name, String what) {
        return "INNGEST-D008 " + where + ": @OnFailure(\"" + name + "\") names a method that cannot be called: "
                + what + "; give it FunctionContext, Step and at most one event-data parameter";
    }

    /** The same function id twice. */
    static String duplicateId(String id, List<String> wheres) {
        return "INNGEST-D009 function id \"" + id + "\" is used by " + String.join(" and ", wheres)
                + "; function ids must be unique in the app, rename all but one";
    }

    /** A method that cannot be called through a bean reference. */
    static String notInvocable(String where, String what) {
        return "INNGEST-D010 " + where + ": " + what + "; make the method non-static and non-private";
    }

    /** A configuration value that cannot be read. */
    static String badConfig(String message) {
        return "INNGEST-D011 the Inngest configuration is invalid: " + message
                + "; fix the inngest.* MicroProfile Config properties (or INNGEST_* environment variables)";
    }

    /** All problems as one text. */
    static String summary(List<String> problems) {
        StringBuilder sb = new StringBuilder().append(problems.size())
                .append(problems.size() == 1 ? " Inngest problem" : " Inngest problems")
                .append(" found; the application cannot start:");
        for (String p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }
}
