package org.optdyn.verification.sgdode;

import java.util.ArrayList;
import org.optdyn.engine.spectrum.Spectra;
import org.optdyn.engine.stream.Covariance;
import org.optdyn.engine.stream.InitialCondition;
import org.optdyn.engine.stream.LabelModel;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.SimulationSpec;
import org.optdyn.engine.stream.StepGrid;
import org.optdyn.engine.stream.TimeGrid;
import org.optdyn.theory.ode.GlmModel;
import org.optdyn.theory.ode.HighLineOde;
import org.optdyn.theory.ode.InitialOverlaps;
import org.optdyn.theory.ode.OdeProblem;
import org.optdyn.theory.ode.OdeTrajectory;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.FalseFailure;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Statistics;

/** Experiment 6: AdaGrad-Norm on power-law spectra, the phase transition at beta + delta = 1. */
final class PowerLawPhaseTransition implements Experiment {

    private static final double BETA = 0.2;
    private static final double[] DELTAS = {0.3, 1.3};
    /** Family-wise false-failure probability of each SGD check (2 checks: at most 2e-4 for the experiment). */
    private static final double ALPHA = 1e-4;
    /** Resolution: shift of the predicted exponents, and relative error of the predicted SGD learning-rate curve. */
    private static final double RES_EXPONENT = 0.15;
    private static final double RES_CURVE = 0.05;
    /** N13 (ii): bias allowance C_b/d with C_b = 10 x gamma_0 = 10. */
    private static final double BIAS_FACTOR = 10;
    /** N15: tolerance on exponents at d = 4000 over t in [100, 1000] (measured there: -0.004 and -0.29). */
    private static final double N15_TOLERANCE = 0.1;

    @Override
    public String name() {
        return "power-law-phase-transition";
    }

    @Override
    public String claim() {
        return "Noiseless least squares with a power-law spectrum (beta = 0.2): in the ODE, AdaGrad-Norm's learning "
                + "rate has exponent 0 (bounded below) when beta + delta < 1 and -1 + 1/(beta+delta) = -1/3 when "
                + "beta + delta = 1.5 (N15: d = 4000, t in [100, 1000], within 0.1); SGD follows the ODE's "
                + "learning-rate curve at d = 512 (test) / 2048 (full), so it shows the same regime change over the "
                + "simulated window (the asymptotic exponent itself is out of reach of SGD at these d and t).";
    }

    @Override
    public String source() {
        return "[HL] Prop. 4.4, Cor. D.2, Lemma D.5, Fig. 4; sgd-ode.md §4.6, §7 N15";
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        int d = full ? 2048 : 512;
        int m = full ? 12 : 8;
        double horizon = full ? 200 : 100;
        double w0 = horizon / 10;       // slope window [T/10, T], reported in the notes
        var progress = new Runs.Progress(config, (long) DELTAS.length * m);
        var checks = new ArrayList<Check>();
        var figures = new ArrayList<Figure>();
        // N15 exactly: d = 4000, slopes over [100, 1000] (ODE only; cheap because the ODE is O(J) per step)
        var n15 = Spectra.powerLaw(4000, BETA);
        double[] theory = {0, -1.0 / 3};
        for (int k = 0; k < DELTAS.length; k++) {
            var t = HighLineOde.solve(OdeProblem.of(GlmModel.leastSquares(), n15,
                    LearningRateRule.adaGradNorm(1, 1), TimeGrid.of(0, 100, 1000))
                    .withInitial(InitialOverlaps.powerLaw(n15, DELTAS[k]))).orElseThrow();
            double sl = Math.log(t.learningRate()[2] / t.learningRate()[1]) / Math.log(10);
            double predicted = config.predictedShifted(theory[k], RES_EXPONENT);
            checks.add(Check.atMost("N15 (d = 4000, t in [100, 1000]), beta + delta = " + Statistics.fmt(BETA + DELTAS[k])
                            + ": |ODE slope of gamma - theory " + Statistics.fmt(predicted) + "|", Math.abs(sl - predicted),
                    N15_TOLERANCE, "Prop. 4.4 / Cor. D.2 exponents 0 and -1 + 1/(beta+delta) = -1/3; N15's tolerance "
                            + "0.1 covers the slow approach of a finite window at finite d (N15 measured -0.004, -0.29)",
                    FalseFailure.deterministic("ODE integration (rtol 1e-10, error far below 1e-3 on the slope); the "
                            + "0.1 is N15's stated allowance for the finite-window approach to the exponent")));
        }
        var spectrum = Spectra.powerLaw(d, BETA);
        var grid = StepGrid.logSpaced(0.1, horizon, 25, d);
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
            OdeTrajectory ode = Runs.odeCompleted(OdeProblem.of(spec)
                    .withInitial(InitialOverlaps.powerLaw(spectrum, delta)));
            double[][] lr = Runs.learningRates(runs);
            var st = Statistics.stats(lr);
            var mt = Statistics.meanTest(st, config.predicted(ode.learningRate(), RES_CURVE),
                    Statistics.constant(times.length, BIAS_FACTOR / d), Statistics.range(1, times.length), ALPHA);
            checks.add(Check.atMost("beta + delta = " + Statistics.fmt(BETA + delta) + ": max_t |mean SGD lr - ODE| / (q se + "
                            + "10 gamma_0/d)", mt.worst(), 1.0,
                    "N13 (ii): the mean of M = " + m + " runs within a Student-t interval (q = "
                            + Statistics.fmt(mt.quantile()) + ") plus the bias allowance 10 gamma_0/d (N13's recommended "
                            + "allowance; the power-law target is deterministic, so the ODE starts from the exact "
                            + "overlaps)", mt.falseFailure()));
            odeSlope[k] = windowSlope(times, ode.learningRate(), w0, horizon);
            double[] perRun = new double[m];
            for (int r = 0; r < m; r++) {
                perRun[r] = windowSlope(times, lr[r], w0, horizon);
            }
            double[] ms = Statistics.meanAndSe(perRun);
            sgdSlope[k] = ms[0];
            sgdSlopeSe[k] = ms[1];
            figures.add(new Figure("lr-delta-" + (k == 0 ? "03" : "13"), "AdaGrad-Norm, power law beta = 0.2, delta = "
                    + delta + ", d = " + d, "t = k/d", "learning rate", true, true,
                    Runs.series("lr", times, ode.learningRate(), lr)));
        }
        String window = "[" + Statistics.fmt(w0) + ", " + Statistics.fmt(horizon) + "]";
        var params = ExperimentResult.parameterMap();
        params.put("d", Integer.toString(d));
        params.put("runs M", Integer.toString(m));
        params.put("beta", Double.toString(BETA));
        params.put("delta", java.util.Arrays.toString(DELTAS));
        params.put("eta, b", "1, 1");
        params.put("horizon T", Double.toString(horizon));
        params.put("false-failure probability per SGD check", Double.toString(ALPHA));
        params.put("seed", Long.toString(config.seed()));
        String notes = "Derived facts (not checks): log-log slopes of gamma on " + window + " at d = " + d + ": ODE "
                + Statistics.fmt(odeSlope[0]) + " / " + Statistics.fmt(odeSlope[1]) + ", SGD (mean of per-run slopes) "
                + Statistics.fmt(sgdSlope[0]) + " +- " + Statistics.fmt(sgdSlopeSe[0]) + " / " + Statistics.fmt(sgdSlope[1]) + " +- "
                + Statistics.fmt(sgdSlopeSe[1]) + " (asymptotic theory 0 / -1/3; the window and d are too small to reach "
                + "it, which is why the exponents are checked on the ODE at d = 4000 and SGD against the ODE curve)";
        String resolution = "an exponent off by " + RES_EXPONENT + " (ODE at d = 4000 against Prop. 4.4), and a "
                + Math.round(100 * RES_CURVE) + " % error in the predicted SGD learning-rate curve (test size)";
        return new ExperimentResult(name(), checks, figures, params, notes, resolution);
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
        return Statistics.logLogSlope(x, v);
    }
}
