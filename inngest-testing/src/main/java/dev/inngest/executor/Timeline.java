package dev.inngest.executor;

import dev.inngest.json.JsonMapper;
import jakarta.json.JsonValue;
import java.time.Duration;

/** Writes a run as a readable timeline: one line per step event, times relative to the run's start. */
public final class Timeline {

    private static final int MAX_VALUE = 120;

    private Timeline() {
    }

    /**
     * @param run a run
     * @return its timeline, several lines
     */
    public static String of(Run run) {
        StringBuilder out = new StringBuilder();
        out.append("run ").append(run.id()).append("  ").append(run.functionId()).append("  (")
                .append(run.event().getString("name", "?")).append(")\n");
        for (StepRecord s : run.steps()) {
            out.append(String.format("  %8s  %-22s %-12s %-10s", offset(run, s), s.id(), s.kind(), s.status()));
            if (s.detail() != null) {
                out.append(' ').append(s.detail());
            }
            if (s.error() != null) {
                out.append(" error: ").append(s.error().getString("message", "?"));
                if (s.status().equals("errored")) {
                    out.append(" (attempt ").append(s.attempt() + 1).append(")");
                }
            } else if (s.output() != null && s.status().equals("completed") && !s.kind().equals("sleep")) {
                out.append(" -> ").append(shorten(s.output()));
            }
            out.append('\n');
        }
        out.append(String.format("  %8s  %s", run.endedAt() == null ? "" : format(Duration.between(run.startedAt(), run.endedAt())),
                run.status()));
        if (run.output() != null) {
            out.append(" -> ").append(shorten(run.output()));
        }
        if (run.error() != null) {
            out.append(" error: ").append(run.error().getString("message", "?"));
        }
        return out.append('\n').toString();
    }

    private static String offset(Run run, StepRecord s) {
        return "+" + format(Duration.between(run.startedAt(), s.at()));
    }

    private static String format(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
        }
        return (s / 3600) + "h" + (s % 3600 / 60 == 0 ? "" : (s % 3600 / 60) + "m");
    }

    private static String shorten(JsonValue v) {
        String text = JsonMapper.write(v);
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + "…" : text;
    }
}
