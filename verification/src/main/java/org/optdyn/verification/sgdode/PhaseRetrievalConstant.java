package org.optdyn.verification.sgdode;

import java.util.ArrayList;
import java.util.List;
import org.optdyn.engine.spectrum.Spectra;
import org.optdyn.engine.stream.Covariance;
import org.optdyn.engine.stream.InitialCondition;
import org.optdyn.engine.stream.LabelModel;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.SimulationSpec;
import org.optdyn.engine.stream.StepGrid;
import org.optdyn.theory.ode.GlmModel;
import org.optdyn.theory.ode.InitialOverlaps;
import org.optdyn.theory.ode.OdeProblem;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.FalseFailure;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;
import org.optdyn.verification.experiment.Statistics;

/** Experiment 4: phase retrieval (non-convex GLM) with a constant rate from a warm start. */
final class PhaseRetrievalConstant implements Experiment {

    private static final double GAMMA = 0.1;
    private static final double OMEGA = 0.2;
    private static final double HORIZON = 10;
    /** Family-wise false-failure probability of each check (4 checks: at most 4e-4 for the experiment). */
    private static final double ALPHA = 1e-4;
    /** Resolution: relative error of the predicted mean risk curve, and shift of the predicted exponent -1/2. */
    private static final double RES_MEAN = 0.05;
    private static final double RES_SLOPE = 0.5;
    /** N13 (ii): bias allowance C_b/d with C_b = 10 R(0) (measured bias (mean - ODE) d = 1.2..1.8 at t = 10). */
    private static final double BIAS_FACTOR = 10;
    /**
     * Finite-d inflation of the spread, measured for THIS configuration for issue 9 (empirical, not theory): sd of
     * R(10) x sqrt(d) = 0.52 (d = 128, M = 400), 0.240 (256, M = 200), 0.198 (1024, M = 100), 0.191 (4096, M = 50),
     * master seeds 555000 + d; at d = 64, 2 of 400 runs diverged (the quartic loss is outside [HL] Assumption 2).
     * Over 256..4096 the inflation at d = 256 (+26 %) moves the slope by ln(1.26)/ln(16) = 0.083: allowance 0.1.
     */
    private static final double SLOPE_SYSTEMATIC = 0.1;

    @Override
    public String name() {
        return "phase-retrieval-constant-lr";
    }

    @Override
    public String claim() {
        return "Phase retrieval (quartic loss, label noise omega = 0.2) from a warm start X0 = 0.5 X* + 0.5 u: the "
                + "mean SGD risk follows the ODE up to the O(1/d) bias allowance, and the spread of the runs (mean absolute "
                + "deviation over [T/2, T]) shrinks like d^-1/2 (slope fitted over three dimensions).";
    }

    @Override
    public String source() {
        return "[HN] GLM ODE; sgd-ode.md §1.2, §2.8 (closed forms derived there), §8 step 3, §9 item 16";
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        int[] dims = full ? new int[] {256, 1024, 4096} : new int[] {256, 1024, 4096};
        // more runs where they are cheap: the slope's standard error is dominated by the end dimensions
        int[] runsPerDim = full ? new int[] {60, 60, 60} : new int[] {64, 64, 24};
        var progress = new Runs.Progress(config, java.util.Arrays.stream(runsPerDim).sum());
        int minRuns = java.util.Arrays.stream(runsPerDim).min().orElseThrow();
        var checks = new ArrayList<Check>();
        var figures = new ArrayList<Figure>();
        double[] logSd = new double[dims.length];
        double[] seLogSd = new double[dims.length];
        double[] sdAtEnd = new double[dims.length];
        double[] x = new double[dims.length];
        for (int di = 0; di < dims.length; di++) {
            int d = dims[di];
            int m = runsPerDim[di];
            x[di] = Math.log(d);
            var spectrum = Spectra.identity(d);
            var grid = StepGrid.atTimes(AdaGradLeastSquares.linspace(HORIZON, 20), d);
            double[] times = grid.times();
            var spec = SimulationSpec.of(Covariance.diagonal(spectrum.coordinateEigenvalues()),
                    new LabelModel.PhaseRetrieval(OMEGA), new LearningRateRule.Constant(GAMMA),
                    InitialCondition.warmStart(0.5, 0.5), grid);
            var runs = Runs.completed(Runs.simulate(spec, config, di, m, progress), name());
            // K = I: one group, and the warm start fixes |X0|^2 = 0.5, <X0,X*> = 0.5, |X*|^2 = 1 exactly
            var ode = Runs.odeCompleted(OdeProblem.of(spec)
                    .withInitial(InitialOverlaps.isotropicWarmStart(spectrum, 0.5, 0.5)));
            double[][] risk = Runs.risks(runs, GlmModel.phaseRetrieval(), OMEGA);
            var st = Statistics.stats(risk);
            var mt = Statistics.meanTest(st, config.predicted(ode.risk(), RES_MEAN),
                    Statistics.constant(times.length, BIAS_FACTOR * ode.risk()[0] / d), Statistics.range(1, times.length), ALPHA);
            checks.add(Check.atMost("d = " + d + ": max_t |mean risk - ODE| / (q se + 10 R(0)/d)", mt.worst(), 1.0,
                    "N13 (ii): the mean of M = " + m + " runs within a Student-t interval (q = "
                            + Statistics.fmt(mt.quantile()) + ") plus the bias allowance C_b/d, C_b = 10 R(0) (N13's "
                            + "recommended allowance; the bias measured for this configuration is 1.2..1.8/d at t = 10)",
                    mt.falseFailure()));
            // spread: per run, the mean over t in [T/2, T] of |R(t) - mean R(t)| (robust to the quartic loss's heavy
            // tail, and averaging over times lowers its variance); its mean over runs scales like d^-1/2
            int half = Runs.indexOf(times, HORIZON / 2);
            double[] a = new double[m];
            for (int r = 0; r < m; r++) {
                for (int j = half; j < times.length; j++) {
                    a[r] += Math.abs(risk[r][j] - st.mean()[j]) / (times.length - half);
                }
            }
            double[] ms = Statistics.meanAndSe(a);
            sdAtEnd[di] = ms[0];
            logSd[di] = Math.log(ms[0]);
            seLogSd[di] = ms[1] / ms[0];
            if (di == dims.length - 1) {
                figures.add(new Figure("risk", "Phase retrieval, K = I, gamma = 0.1, omega = 0.2, d = " + d,
                        "t = k/d", "risk R", false, true, Runs.series("risk", times, ode.risk(), risk)));
            }
        }
        double slope = Statistics.slope(x, logSd);
        double seSlope = LeastSquaresConcentration.slopeSe(x, seLogSd);
        double q = Statistics.studentQuantile(minRuns - 1, ALPHA);
        double predictedSlope = config.predictedShifted(-0.5, RES_SLOPE);
        checks.add(Check.atMost("|fitted slope of log(mean absolute deviation of R over [T/2, T]) vs log d - ("
                        + Statistics.fmt(predictedSlope) + ")|",
                Math.abs(slope - predictedSlope), SLOPE_SYSTEMATIC + q * seSlope,
                "fluctuations ~ c/sqrt(d): slope -1/2, plus the finite-d allowance " + SLOPE_SYSTEMATIC + " (measured "
                        + "inflation of the spread at d = 256, see the constant), plus q = " + Statistics.fmt(q)
                        + " standard errors of the fitted slope (" + Statistics.fmt(seSlope) + ", delta method from the sample sd of "
                        + "the per-run deviations)",
                FalseFailure.probability(ALPHA, "the log of the mean per-run absolute deviation is close to Normal "
                        + "(CLT over M runs, delta-method se); the slope is a linear combination over independent d; "
                        + "two-sided "
                        + "Student-t(" + (minRuns - 1) + ") quantile " + Statistics.fmt(q) + " at " + ALPHA
                        + " (conservative for estimated se), whenever the true slope is within the allowance of -1/2")));
        var params = ExperimentResult.parameterMap();
        params.put("dimensions", java.util.Arrays.toString(dims));
        params.put("runs M per dimension", java.util.Arrays.toString(runsPerDim));
        params.put("gamma", Double.toString(GAMMA));
        params.put("omega", Double.toString(OMEGA));
        params.put("start", "X0 = 0.5 X* + 0.5 u, u a random unit vector orthogonal to X*");
        params.put("false-failure probability per check", Double.toString(ALPHA));
        params.put("seed", Long.toString(config.seed()));
        var notes = new StringBuilder("mean absolute deviation over [T/2, T] x sqrt(d): ");
        for (int di = 0; di < dims.length; di++) {
            notes.append("d=").append(dims[di]).append(": ").append(Statistics.fmt(sdAtEnd[di] * Math.sqrt(dims[di])))
                    .append("  ");
        }
        notes.append("fitted slope ").append(Statistics.fmt(slope)).append(" +- ").append(Statistics.fmt(seSlope));
        double[] xd = new double[dims.length];
        for (int di = 0; di < dims.length; di++) {
            xd[di] = dims[di];
        }
        figures.add(Figure.scaling("sd-scaling", "Phase retrieval: spread of the risk against d", "d",
                "mean |R - mean R| over [T/2, T]", -0.5, "d^-1/2",
                List.of(new Series("SGD", Series.Kind.SIMULATION_MARKERS, xd, sdAtEnd))));
        String resolution = "a " + Math.round(100 * RES_MEAN) + " % error in the predicted mean risk curve (test size; "
                + "the d = 4096 check alone fails at about 2 %), or an exponent of the spread off by " + RES_SLOPE
                + " (the band excludes 0, i.e. no concentration)";
        return new ExperimentResult(name(), checks, figures, params, notes.toString(), resolution);
    }

}
