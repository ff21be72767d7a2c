package org.optdyn.verification.report;

import java.util.List;
import java.util.Map;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.FalseFailure;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;

/**
 * A small deterministic experiment for CLI and report tests: theory r(t) = exp(−2t), "simulation" = theory
 * times (1 + ε_s(t)) with a seed-dependent perturbation ε_s(t) = 0.01·sin(s + 3t); the check compares the
 * largest relative gap (at most 0.01 by construction) with {@code tolerance}. Under sabotage the theory is 10 %
 * off, so even a passing tolerance (0.05) fails.
 */
public record FakeExperiment(String name, double tolerance, boolean explode) implements Experiment {

    /** The relative error of the theory that sabotage applies: far above the passing tolerance 0.05. */
    static final double RESOLUTION = 0.10;

    /** A passing experiment named {@code name}. */
    public static FakeExperiment passing(String name) {
        return new FakeExperiment(name, 0.05, false);
    }

    /** An experiment whose check fails (tolerance below the built-in gap). */
    public static FakeExperiment failing(String name) {
        return new FakeExperiment(name, 1e-6, false);
    }

    /** An experiment that throws. */
    public static FakeExperiment throwing(String name) {
        return new FakeExperiment(name, 0.05, true);
    }

    @Override
    public String claim() {
        return "The fake risk decays like exp(-2t) within 1% <for every seed> & every t.";
    }

    @Override
    public String source() {
        return "Test fixture (no paper)";
    }

    /** The time grid. */
    public static double[] times() {
        var t = new double[21];
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.1 + 0.1 * i;
        }
        return t;
    }

    /** The simulated curve of seed {@code s}. */
    public static double[] simulation(int s) {
        var t = times();
        var y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = Math.exp(-2 * t[i]) * (1 + 0.01 * Math.sin(s + 3 * t[i]));
        }
        return y;
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        if (explode) {
            throw new IllegalStateException("integrator diverged at t = 1.5");
        }
        var t = times();
        var theory = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            theory[i] = config.predicted(Math.exp(-2 * t[i]), RESOLUTION);
        }
        int seeds = config.size() == RunConfig.Size.TEST ? 3 : 5;
        var series = new java.util.ArrayList<Series>();
        series.add(new Series("ODE", Series.Kind.THEORY_LINE, t, theory));
        double gap = 0;
        for (int s = 0; s < seeds; s++) {
            var y = simulation(s);
            for (int i = 0; i < t.length; i++) {
                gap = Math.max(gap, Math.abs(y[i] / theory[i] - 1));
            }
            series.add(new Series("SGD seed " + s + ", d = 64", Series.Kind.SIMULATION_MARKERS, t, y));
            config.progress().advance(s + 1, seeds);
        }
        var fig = new Figure("risk", "Fake risk", "t", "risk", false, true, series);
        var shape = new Figure("shape", "Fake eigenvalues", "Re", "Im", false, false, List.of(
                new Series("eigenvalues", Series.Kind.SIMULATION_MARKERS, new double[] {-1, 0, 1, 0.5},
                        new double[] {0, 1, 0, -0.5})));
        return new ExperimentResult(name, List.of(Check.atMost("max relative gap", gap, tolerance,
                "built-in perturbation amplitude 1%", FalseFailure.deterministic("by construction"))),
                List.of(fig, shape), ExperimentResult.parameters(Map.of("seeds", seeds, "master seed", config.seed())),
                "Synthetic data.", "a 10 % error in the predicted curve");
    }
}
