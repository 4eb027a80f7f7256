package dev.inngest.executor;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;

/**
 * When a cron trigger fires: five fields (minute hour day-of-month month day-of-week), ranges, lists,
 * steps, names, {@code @daily}-style descriptors and an optional {@code TZ=<zone>} prefix.
 */
public final class CronSchedule {

    private static final Map<String, String> DESCRIPTORS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    private static final long MAX_MINUTES = 366L * 24 * 60 * 5;

    private final ZoneId zone;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean anyDay;
    private final boolean anyWeekday;

    private CronSchedule(ZoneId zone, String[] f) {
        this.zone = zone;
        this.minutes = field(f[0], 0, 59, null);
        this.hours = field(f[1], 0, 23, null);
        this.days = field(f[2], 1, 31, null);
        this.months = field(f[3], 1, 12, MONTHS);
        BitSet w = field(f[4], 0, 7, DAYS);
        if (w.get(7)) {
            w.set(0);
        }
        this.weekdays = w;
        this.anyDay = f[2].equals("*") || f[2].equals("?");
        this.anyWeekday = f[4].equals("*") || f[4].equals("?");
    }

    /**
     * @param cron a cron expression as registered
     * @return its schedule
     * @throws IllegalArgumentException if it cannot be read
     */
    public static CronSchedule parse(String cron) {
        String expr = cron.trim();
        ZoneId zone = ZoneOffset.UTC;
        if (expr.startsWith("TZ=") || expr.startsWith("CRON_TZ=")) {
            int space = expr.indexOf(' ');
            zone = ZoneId.of(expr.substring(expr.indexOf('=') + 1, space));
            expr = expr.substring(space + 1).trim();
        }
        expr = DESCRIPTORS.getOrDefault(expr, expr);
        String[] f = expr.split("\\s+");
        if (f.length == 6) {
            f = java.util.Arrays.copyOfRange(f, 1, 6);
        }
        if (f.length != 5) {
            throw new IllegalArgumentException("cron \"" + cron + "\" needs five fields");
        }
        return new CronSchedule(zone, f);
    }

    /**
     * @param after an instant
     * @return the first firing strictly after it
     */
    public Instant next(Instant after) {
        ZonedDateTime t = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        for (long i = 0; i < MAX_MINUTES; i++, t = t.plusMinutes(1)) {
            if (matches(t)) {
                return t.toInstant();
            }
        }
        throw new IllegalStateException("cron never fires");
    }

    private boolean matches(ZonedDateTime t) {
        if (!minutes.get(t.getMinute()) || !hours.get(t.getHour()) || !months.get(t.getMonthValue())) {
            return false;
        }
        boolean dom = days.get(t.getDayOfMonth());
        boolean dow = weekdays.get(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
        if (anyDay || anyWeekday) {
            return dom && dow;
        }
        return dom || dow; // standard cron: either restricted day field matches
    }

    private static BitSet field(String field, int min, int max, String[] names) {
        BitSet bits = new BitSet(max + 1);
        for (String part : field.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(part.substring(slash + 1));
                range = part.substring(0, slash);
            }
            int lo;
            int hi;
            if (range.equals("*") || range.equals("?")) {
                lo = min;
                hi = max;
            } else if (range.contains("-")) {
                String[] b = range.split("-");
                lo = value(b[0], names, min);
                hi = value(b[1], names, min);
            } else {
                lo = value(range, names, min);
                hi = slash >= 0 ? max : lo;
            }
            for (int v = lo; v <= hi; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int value(String v, String[] names, int min) {
        if (names != null) {
            String u = v.toUpperCase(Locale.ROOT);
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(u)) {
                    return names == MONTHS ? i + 1 : i;
                }
            }
        }
        return Integer.parseInt(v);
    }
}
