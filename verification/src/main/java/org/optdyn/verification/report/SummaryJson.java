package org.optdyn.verification.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The content of {@code summary.json}: the run, and per experiment its status, checks, parameters and files. */
final class SummaryJson {

    private SummaryJson() {
    }

    static Map<String, Object> of(RunSummary run, List<List<ReportWriter.FigureFiles>> figures) {
        var root = new LinkedHashMap<String, Object>();
        root.put("tool", "optdyn reproduce");
        root.put("size", run.size().name().toLowerCase(Locale.ROOT));
        root.put("seed", run.seed());
        root.put("threads", run.threads());
        root.put("started", run.started().toString());
        root.put("elapsedSeconds", run.elapsed().toMillis() / 1000.0);
        root.put("java", System.getProperty("java.version"));
        root.put("sabotage", run.sabotage());
        root.put("passed", run.passed());
        var exps = new ArrayList<Object>();
        for (int i = 0; i < run.outcomes().size(); i++) {
            exps.add(experiment(run, run.outcomes().get(i), figures.get(i)));
        }
        root.put("experiments", exps);
        return root;
    }

    private static Map<String, Object> experiment(RunSummary run, ExperimentOutcome o,
                                                  List<ReportWriter.FigureFiles> figures) {
        var m = new LinkedHashMap<String, Object>();
        m.put("name", o.info().name());
        m.put("claim", o.info().claim());
        m.put("source", o.info().source());
        m.put("status", o.status());
        m.put("passed", o.passed());
        m.put("elapsedSeconds", o.elapsed().toMillis() / 1000.0);
        m.put("regenerate", run.regenerateCommand(o.info().name()));
        switch (o) {
            case ExperimentOutcome.Failed f -> m.put("error", f.error());
            case ExperimentOutcome.Completed c -> {
                m.put("resolution", c.result().resolution());
                m.put("false_failure_probability", c.result().falseFailureProbability());
                var checks = new ArrayList<Object>();
                for (var ch : c.result().checks()) {
                    var cm = new LinkedHashMap<String, Object>();
                    cm.put("metric", ch.metric());
                    cm.put("measured", ch.measured());
                    cm.put("relation", ch.relation().symbol());
                    cm.put("tolerance", ch.tolerance());
                    cm.put("passed", ch.passed());
                    cm.put("reason", ch.reason());
                    cm.put("false_failure_probability", ch.falseFailure().probability());
                    cm.put("false_failure_basis", ch.falseFailure().basis());
                    checks.add(cm);
                }
                m.put("checks", checks);
                m.put("parameters", new LinkedHashMap<>(c.result().parameters()));
                m.put("notes", c.result().notes());
                var figs = new ArrayList<Object>();
                for (var ff : figures) {
                    var fm = new LinkedHashMap<String, Object>();
                    var f = ff.figure();
                    fm.put("id", f.id());
                    fm.put("title", f.title());
                    fm.put("xLabel", f.xLabel());
                    fm.put("yLabel", f.yLabel());
                    fm.put("logX", f.logX());
                    fm.put("logY", f.logY());
                    fm.put("svg", ff.svg());
                    fm.put("png", ff.png());
                    if (ff.error() != null) {
                        fm.put("plotError", ff.error());
                    }
                    var series = new ArrayList<Object>();
                    for (int k = 0; k < f.series().size(); k++) {
                        var s = f.series().get(k);
                        var sm = new LinkedHashMap<String, Object>();
                        sm.put("name", s.name());
                        sm.put("kind", s.kind().name());
                        sm.put("points", s.x().length);
                        sm.put("csv", ff.csv().get(k));
                        series.add(sm);
                    }
                    fm.put("series", series);
                    figs.add(fm);
                }
                m.put("figures", figs);
            }
        }
        return m;
    }
}
