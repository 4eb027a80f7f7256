package dev.inngest.function;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * Checks cron expressions the way the Inngest server reads them (standard five fields, an optional
 * leading seconds field, {@code @daily}-style descriptors, and an optional {@code TZ=<zone>} prefix).
 */
public final class CronExpression {

    private static final Set<String> DESCRIPTORS =
            Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
    private static final String[] NAMES = {"minute", "hour", "day of month", "month", "day of week"};
    private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
    private static final Set<String> MONTHS =
            Set.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final Set<String> DAYS = Set.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private CronExpression() {
    }

    /**
     * Says what is wrong with a cron expression.
     *
     * @param cron the expression
     * @return a message naming the problem and the fix, or null if the expression is valid
     */
    public static String problem(String cron) {
        if (cron == null || cron.isBlank()) {
            return "a cron expression cannot be blank; use five fields such as \"0 0 * * *\" (daily at midnight)";
        }
        String expr = cron.trim();
        if (expr.startsWith("TZ=") || expr.startsWith("CRON_TZ=")) {
            int space = expr.indexOf(' ');
            if (space < 0) {
                return "cron \"" + cron + "\" has a time zone but no schedule; write \"TZ=Europe/Paris 0 9 * * *\"";
            }
            String zone = expr.substring(expr.indexOf('=') + 1, space);
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                return "cron \"" + cron + "\" names an unknown time zone \"" + zone
                        + "\"; use an IANA zone such as \"Europe/Paris\" or \"UTC\"";
            }
            expr = expr.substring(space + 1).trim();
        }
        if (expr.startsWith("@")) {
            if (DESCRIPTORS.contains(expr) || expr.startsWith("@every ")) {
                return null;
            }
            return "cron \"" + cron + "\" uses an unknown descriptor; use @yearly, @monthly, @weekly, @daily or @hourly";
        }
        String[] fields = expr.split("\\s+");
        if (fields.length != 5 && fields.length != 6) {
            return "cron \"" + cron + "\" has " + fields.length
                    + " fields; write five: minute hour day-of-month month day-of-week, e.g. \"0 0 * * *\"";
        }
        int offset = fields.length - 5;
        if (offset == 1) {
            String p = field(fields[0], "second", 0, 59, Set.of());
            if (p != null) {
                return "cron \"" + cron + "\": " + p;
            }
        }
        for (int i = 0; i < 5; i++) {
            Set<String> names = i == 3 ? MONTHS : i == 4 ? DAYS : Set.of();
            String p = field(fields[i + offset], NAMES[i], RANGES[i][0], RANGES[i][1], names);
            if (p != null) {
                return "cron \"" + cron + "\": " + p;
            }
        }
        return null;
    }

    private static String field(String field, String name, int min, int max, Set<String> names) {
        for (String part : field.split(",", -1)) {
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                String step = part.substring(slash + 1);
                if (!step.matches("\\d+") || Integer.parseInt(step) == 0) {
                    return "the " + name + " field \"" + field + "\" has an invalid step \"/" + step + "\"";
                }
                range = part.substring(0, slash);
            }
            if (range.equals("*") || range.equals("?")) {
                continue;
            }
            String[] bounds = range.split("-", -1);
            if (bounds.length > 2) {
                return "the " + name + " field \"" + field + "\" is not a value, a range or a list";
            }
            for (String b : bounds) {
                String p = value(b, name, min, max, names);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    private static String value(String v, String name, int min, int max, Set<String> names) {
        if (names.contains(v.toUpperCase(Locale.ROOT))) {
            return null;
        }
        if (!v.matches("\\d{1,2}")) {
            return "the " + name + " field has \"" + v + "\"; use a number from " + min + " to " + max
                    + (names.isEmpty() ? "" : " or a name such as " + names.iterator().next());
        }
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
            return "the " + name + " field has " + n + ", outside " + min + "-" + max;
        }
        return null;
    }
}
