package org.optdyn.verification.sgdode;

import java.util.ArrayList;
import org.optdyn.engine.stream.Covariance;
import org.optdyn.engine.stream.InitialCondition;
import org.optdyn.engine.stream.LabelModel;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.SimulationSpec;
import org.optdyn.engine.stream.TimeGrid;
import org.optdyn.theory.ode.GlmModel;
import org.optdyn.theory.ode.InitialOverlaps;
import org.optdyn.theory.ode.OdeTrajectory;
import org.optdyn.theory.spectrum.Spectra;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;

/** Experiment 6: AdaGrad-Norm on power-law spectra, the phase transition at beta + delta = 1. */
final class PowerLawPhaseTransition implements Experiment {

    private static final double BETA = 0.2;
    private static final double[] DELTAS = {0.3, 1.3};

    @Override
    public String name() {
        return "power-law-phase-transition";
    }

    @Override
    public String claim() {
        return "Noiseless least squares with a power-law spectrum (beta = 0.2): AdaGrad-Norm's learning rate stays "
                + "bounded below when beta + delta < 1 and decays like t^(-1 + 1/(beta+delta)) when beta + delta > 1, "
                + "in the ODE and in SGD.";
    }

    @Override
    public String source() {
        return "[HL] Prop. 4.4, Cor. D.2, Lemma D.5, Fig. 4; sgd-ode.md §4.6, §7 N15";
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        int d = full ? 2048 : 512;
        int m = full ? 6 : 3;
        double horizon = full ? 200 : 100;
        double w0 = horizon / 10;       // slope window [T/10, T]
        var progress = new Runs.Progress(config, (long) DELTAS.length * m);
        var checks = new ArrayList<Check>();
        var figures = new ArrayList<Figure>();
        var spectrum = Spectra.powerLaw(BETA, d);
        var grid = TimeGrid.logSpaced(0.1, horizon, 25, d);
        double[] times = grid.times();
        double[] odeSlope = new double[DELTAS.length];
        double[] sgdSlope = new double[DELTAS.length];
        double[] sgdSlopeSe = new double[DELTAS.length];
        for (int k = 0; k < DELTAS.length; k++) {
            double delta = DELTAS[k];
            var spec = SimulationSpec.of(Covariance.diagonal(spectrum.coordinateEigenvalues()),
                    new LabelModel.LeastSquares(0), new LearningRateRule.AdaGradNorm(1, 1),
                    InitialCondition.powerLawTarget(delta), grid);
            var runs = Runs.completed(Runs.simulate(spec, config, k, m, progress), name());
            OdeTrajectory ode = Runs.odeCompleted(Runs.problem(GlmModel.leastSquares(), spectrum,
                    org.optdyn.theory.ode.LearningRateRule.adaGradNorm(1, 1), times)
                    .withInitial(InitialOverlaps.powerLaw(spectrum, delta)));
            double[][] lr = Runs.learningRates(runs);
            var st = Runs.stats(lr);
            checks.add(Check.atMost("delta = " + delta + ": max_t |mean SGD lr - ODE| / (4 sd/sqrt(M) + 10 gamma_0/d)",
                    Runs.worstMeanRatio(st, ode.learningRate(), 10.0 / d), 1.0,
                    "N13 (ii): CLT 4 standard errors of M = " + m + " runs plus bias allowance 10 gamma_0/d "
                            + "(the power-law target is deterministic, so the ODE starts from the exact overlaps)"));
            odeSlope[k] = windowSlope(times, ode.learningRate(), w0, horizon);
            double[] perRun = new double[m];
            double mean = 0;
            for (int r = 0; r < m; r++) {
                perRun[r] = windowSlope(times, lr[r], w0, horizon);
                mean += perRun[r] / m;
            }
            double var = 0;
            for (double s : perRun) {
                var += (s - mean) * (s - mean) / Math.max(1, m - 1);
            }
            sgdSlope[k] = mean;
            sgdSlopeSe[k] = Math.sqrt(var / m);
            figures.add(new Figure("lr-delta-" + (k == 0 ? "03" : "13"), "AdaGrad-Norm, power law beta = 0.2, delta = "
                    + delta + ", d = " + d, "t = k/d", "learning rate", true, true,
                    Runs.series("lr", times, ode.learningRate(), lr)));
        }
        String window = "[" + Runs.fmt(w0) + ", " + Runs.fmt(horizon) + "]";
        checks.add(Check.atLeast("ODE: log-log slope of gamma_t on " + window + ", beta + delta = 0.5", odeSlope[0],
                -0.1, "Prop. 4.4: gamma bounded below (exponent 0); N15 tolerance +-0.1 on exponents"));
        checks.add(Check.atMost("ODE: slope(beta + delta = 1.5) - slope(beta + delta = 0.5)",
                odeSlope[1] - odeSlope[0], -0.15,
                "Prop. 4.4: exponents 0 vs -1/3 (difference -1/3); the finite window and d slow the approach "
                        + "(N15: only the sign of the regime change is a hard check), so at least half of it is required"));
        if (full) {
            // N15 exactly: d = 4000, slopes over [100, 1000] (ODE only; cheap because the ODE is O(J) per step)
            var n15 = Spectra.powerLaw(BETA, 4000);
            double[] theory = {0, -1.0 / 3};
            for (int k = 0; k < DELTAS.length; k++) {
                var t = org.optdyn.theory.ode.HighLineOde.solve(Runs.problem(GlmModel.leastSquares(), n15,
                        org.optdyn.theory.ode.LearningRateRule.adaGradNorm(1, 1), new double[] {0, 100, 1000})
                        .withInitial(InitialOverlaps.powerLaw(n15, DELTAS[k]))).orElseThrow();
                double sl = Math.log(t.learningRate()[2] / t.learningRate()[1]) / Math.log(10);
                checks.add(Check.atMost("N15 (d = 4000, t in [100, 1000]), delta = " + DELTAS[k]
                        + ": |ODE slope of gamma - theory " + Runs.fmt(theory[k]) + "|", Math.abs(sl - theory[k]), 0.1,
                        "Prop. 4.4 / Cor. D.2 exponents 0 and -1 + 1/(beta+delta) = -1/3; N15 tolerance +-0.1"));
            }
        }
        double seDiff = Math.hypot(sgdSlopeSe[0], sgdSlopeSe[1]);
        checks.add(Check.atMost("SGD: slope(beta + delta = 1.5) - slope(beta + delta = 0.5)", sgdSlope[1] - sgdSlope[0],
                -0.15 + 4 * seDiff, "the same regime change in SGD, with 4 Monte-Carlo standard errors of the "
                        + "difference of mean per-run slopes (" + Runs.fmt(seDiff) + ")"));
        var params = ExperimentResult.parameterMap();
        params.put("d", Integer.toString(d));
        params.put("runs M", Integer.toString(m));
        params.put("beta", Double.toString(BETA));
        params.put("delta", java.util.Arrays.toString(DELTAS));
        params.put("eta, b", "1, 1");
        params.put("horizon T", Double.toString(horizon));
        params.put("seed", Long.toString(config.seed()));
        String notes = "slopes of gamma on " + window + ": ODE " + Runs.fmt(odeSlope[0]) + " / " + Runs.fmt(odeSlope[1])
                + ", SGD " + Runs.fmt(sgdSlope[0]) + " / " + Runs.fmt(sgdSlope[1]) + " (theory 0 / -1/3)";
        return new ExperimentResult(name(), checks, figures, params, notes);
    }

    /** Log-log slope of y over the grid points with t in [from, to]. */
    private static double windowSlope(double[] t, double[] y, double from, double to) {
        var xs = new ArrayList<Double>();
        var ys = new ArrayList<Double>();
        for (int j = 0; j < t.length; j++) {
            if (t[j] >= from - 1e-12 && t[j] <= to + 1e-12) {
                xs.add(t[j]);
                ys.add(y[j]);
            }
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] v = ys.stream().mapToDouble(Double::doubleValue).toArray();
        return Runs.logLogSlope(x, v);
    }
}
