package org.optdyn.verification.cli;

import java.util.ArrayList;
import java.util.List;
import org.optdyn.verification.report.ExperimentOutcome;
import org.optdyn.verification.report.Fmt;
import org.optdyn.verification.report.RunSummary;

/** The text table {@code reproduce} prints: experiment, metric, measured, tolerance, PASS/FAIL. */
final class SummaryTable {

    private static final int MAX_METRIC = 64;

    private SummaryTable() {
    }

    static String render(RunSummary run) {
        var rows = new ArrayList<String[]>();
        rows.add(new String[] {"experiment", "metric", "measured", "tolerance", "result"});
        for (var o : run.outcomes()) {
            var name = o.info().name();
            switch (o) {
                case ExperimentOutcome.Failed f -> rows.add(new String[] {name, clip("error: " + f.error()), "-", "-",
                    "ERROR"});
                case ExperimentOutcome.Completed c -> {
                    if (c.result().checks().isEmpty()) {
                        rows.add(new String[] {name, "(no checks reported)", "-", "-", "FAIL"});
                    }
                    boolean first = true;
                    for (var ch : c.result().checks()) {
                        rows.add(new String[] {first ? name : "", clip(ch.metric()), Fmt.num(ch.measured()),
                            ch.relation().symbol() + " " + Fmt.num(ch.tolerance()), ch.passed() ? "PASS" : "FAIL"});
                        first = false;
                    }
                }
            }
        }
        return format(rows) + footer(run);
    }

    private static String footer(RunSummary run) {
        long pass = run.outcomes().stream().filter(ExperimentOutcome::passed).count();
        long checks = run.outcomes().stream().mapToLong(o -> o instanceof ExperimentOutcome.Completed c
                ? c.result().checks().size() : 0).sum();
        long checksPassed = run.outcomes().stream().mapToLong(o -> o instanceof ExperimentOutcome.Completed c
                ? c.result().checks().stream().filter(k -> k.passed()).count() : 0).sum();
        var line = "\n" + pass + "/" + run.outcomes().size() + " experiments pass, " + checksPassed + "/" + checks
                + " checks pass (" + Fmt.seconds(run.elapsed()) + ")\n";
        if (run.sabotage()) {
            var survivors = run.outcomes().stream().filter(ExperimentOutcome::passed).map(o -> o.info().name())
                    .toList();
            line += "sabotage: every prediction was perturbed by its experiment's resolution; "
                    + (survivors.isEmpty() ? "every experiment failed, as it must.\n"
                            : survivors.size() + " experiment(s) did NOT fail (their oracle cannot say no): "
                                    + String.join(", ", survivors) + "\n");
        }
        return line;
    }

    private static String clip(String s) {
        var t = s.replaceAll("\\s+", " ").strip();
        return t.length() <= MAX_METRIC ? t : t.substring(0, MAX_METRIC - 1) + "…";
    }

    private static String format(List<String[]> rows) {
        int cols = rows.getFirst().length;
        var w = new int[cols];
        for (var r : rows) {
            for (int i = 0; i < cols; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        var sb = new StringBuilder();
        for (int k = 0; k < rows.size(); k++) {
            var r = rows.get(k);
            for (int i = 0; i < cols; i++) {
                boolean right = i == 2 || i == 3;
                var cell = right ? " ".repeat(w[i] - r[i].length()) + r[i] : r[i] + " ".repeat(w[i] - r[i].length());
                sb.append(cell);
                if (i + 1 < cols) {
                    sb.append("  ");
                }
            }
            sb.append('\n');
            if (k == 0) {
                int total = 0;
                for (int x : w) {
                    total += x;
                }
                sb.append("-".repeat(total + 2 * (cols - 1))).append('\n');
            }
        }
        return sb.toString().replaceAll(" +\n", "\n");
    }
}
