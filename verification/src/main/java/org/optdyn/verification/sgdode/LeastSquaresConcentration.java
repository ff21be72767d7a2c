package org.optdyn.verification.sgdode;

import java.util.ArrayList;
import java.util.List;
import org.optdyn.engine.stream.Covariance;
import org.optdyn.engine.stream.InitialCondition;
import org.optdyn.engine.stream.LabelModel;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.SimulationSpec;
import org.optdyn.engine.stream.TimeGrid;
import org.optdyn.theory.ode.GlmModel;
import org.optdyn.theory.spectrum.DiscreteSpectrum;
import org.optdyn.theory.spectrum.Spectra;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;

/** Experiment 1: least squares, constant rate, SGD concentrates on the ODE at rate d^-1/2. */
final class LeastSquaresConcentration implements Experiment {

    private record Config(String id, String label, java.util.function.LongFunction<DiscreteSpectrum> spectrum,
                          double omega) {
    }

    private static final List<Config> CONFIGS = List.of(
            new Config("identity", "K = I, omega = 0", d -> Spectra.identity(d), 0),
            new Config("identity-noise", "K = I, omega = 0.5", d -> Spectra.identity(d), 0.5),
            new Config("two-point-noise", "two-point {1, 0.25}, omega = 0.5", d -> Spectra.twoPoint(1, 0.25, d), 0.5),
            new Config("power-law", "power law beta = 0.3, omega = 0", d -> Spectra.powerLaw(0.3, d), 0));

    private static final double GAMMA = 1;
    private static final double HORIZON = 4;

    @Override
    public String name() {
        return "ls-constant-lr-concentration";
    }

    @Override
    public String claim() {
        return "Least squares with a constant learning rate: the SGD risk curve concentrates on the ODE, and the "
                + "maximum relative risk gap over the time grid shrinks like d^-1/2 (identity, two-point and "
                + "power-law spectra, with and without label noise).";
    }

    @Override
    public String source() {
        return "[HL] Theorem 2.1 and eq. (8); sgd-ode.md §2.9, §3.1, §7 N13, §8";
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        int[] dims = full ? new int[] {500, 2000, 8000} : new int[] {256, 1024};
        int m = full ? 30 : 32;
        var progress = new Runs.Progress(config, (long) CONFIGS.size() * dims.length * m);
        var checks = new ArrayList<Check>();
        var figures = new ArrayList<Figure>();
        var notes = new StringBuilder();
        int stream = 0;
        double slopeSum = 0;
        double slopeVar = 0;
        for (Config c : CONFIGS) {
            double[] meanGap = new double[dims.length];
            double[] seLogGap = new double[dims.length];
            for (int di = 0; di < dims.length; di++) {
                int d = dims[di];
                DiscreteSpectrum spectrum = c.spectrum().apply(d);
                var grid = TimeGrid.linear(HORIZON, 20, d);
                var spec = SimulationSpec.of(Covariance.diagonal(spectrum.coordinateEigenvalues()),
                        new LabelModel.LeastSquares(c.omega()), new LearningRateRule.Constant(GAMMA),
                        InitialCondition.zeroStartUnitTarget(), grid);
                var runs = Runs.completed(Runs.simulate(spec, config, stream++, m, progress), name());
                double[] times = grid.times();
                // the ODE from the expected projections of an isotropic unit target (§8 step 7, band/mean)
                var ode = Runs.odeCompleted(Runs.problem(GlmModel.leastSquares(), spectrum,
                        org.optdyn.theory.ode.LearningRateRule.constant(GAMMA), times).withNoise(c.omega()));
                double[] odeRisk = ode.risk();
                double[][] risks = Runs.risks(runs, GlmModel.leastSquares(), c.omega());
                var st = Runs.stats(risks);
                double r0 = odeRisk[0];
                checks.add(Check.atMost(c.label() + ", d = " + d + ": max_t |mean SGD risk - ODE| / (4 sd/sqrt(M) + "
                        + "10 R(0)/d)", Runs.worstMeanRatio(st, odeRisk, 10 * r0 / d), 1.0,
                        "N13 (ii): the mean of M = " + m + " runs lies within 4 standard errors (CLT, two-sided "
                                + "6e-5 per time) plus the O(1/d) bias allowance C_b/d, C_b = 10 x the scale R(0)"));
                // max relative gap over the grid, per run
                double[] gaps = new double[m];
                for (int r = 0; r < m; r++) {
                    double g = 0;
                    for (int j = 1; j < times.length; j++) {
                        g = Math.max(g, Math.abs(risks[r][j] - odeRisk[j]) / odeRisk[j]);
                    }
                    gaps[r] = g;
                }
                double mg = 0;
                for (double g : gaps) {
                    mg += g;
                }
                mg /= m;
                double v = 0;
                for (double g : gaps) {
                    v += (g - mg) * (g - mg);
                }
                meanGap[di] = mg;
                seLogGap[di] = Math.sqrt(v / (m - 1) / m) / mg;     // delta method: se(log mean) = se(mean)/mean
                if (di == dims.length - 1) {
                    var s = new ArrayList<Series>(Runs.series("risk", times, odeRisk, risks));
                    figures.add(new Figure("risk-" + c.id(), "Least squares, " + c.label() + ", gamma = 1, d = " + d,
                            "t = k/d", "risk R", false, true, s));
                }
            }
            double slope = Runs.logLogSlope(toDouble(dims), meanGap);
            // MC error of the fitted slope from the two end points (the fit's leverage is largest there)
            double ln = Math.log((double) dims[dims.length - 1] / dims[0]);
            double seSlope = Math.hypot(seLogGap[0], seLogGap[dims.length - 1]) / ln;
            double lo = Math.log(1.5) / Math.log(4);
            double hi = Math.log(2.7) / Math.log(4);
            checks.add(Check.atMost(c.label() + ": fitted slope of log(mean max relative gap) vs log d",
                    slope, -lo + 3 * seSlope,
                    "N13 (iii): sd(d)/sd(4d) in [1.5, 2.7], i.e. slope in [-0.72, -0.29] (theory -1/2), widened by 3 "
                            + "Monte-Carlo standard errors of the fitted slope (" + Runs.fmt(seSlope) + ")"));
            checks.add(Check.atLeast(c.label() + ": fitted slope of log(mean max relative gap) vs log d",
                    slope, -hi - 3 * seSlope,
                    "N13 (iii): lower end of the same band, -0.72 - 3 se"));
            slopeSum += slope;
            slopeVar += seSlope * seSlope;
            notes.append(c.label()).append(": mean max relative gap ");
            for (int di = 0; di < dims.length; di++) {
                notes.append("d=").append(dims[di]).append(": ").append(Runs.fmt(meanGap[di])).append("  ");
            }
            notes.append("slope ").append(Runs.fmt(slope)).append('\n');
        }
        int k = CONFIGS.size();
        double pooled = slopeSum / k;
        double sePooled = Math.sqrt(slopeVar) / k;
        checks.add(Check.atMost("pooled slope (mean over the " + k + " configurations)", pooled,
                -Math.log(1.5) / Math.log(4) + 3 * sePooled,
                "N13 (iii) band [-0.72, -0.29] widened by 3 Monte-Carlo standard errors of the pooled slope ("
                        + Runs.fmt(sePooled) + ")"));
        checks.add(Check.atLeast("pooled slope (mean over the " + k + " configurations)", pooled,
                -Math.log(2.7) / Math.log(4) - 3 * sePooled, "N13 (iii) band, lower end, -0.72 - 3 se"));
        var params = ExperimentResult.parameterMap();
        params.put("dimensions", java.util.Arrays.toString(dims));
        params.put("runs per dimension (M)", Integer.toString(m));
        params.put("gamma", Double.toString(GAMMA));
        params.put("horizon T", Double.toString(HORIZON));
        params.put("start", "X0 = 0, X* uniform on the unit sphere (per run)");
        params.put("seed", Long.toString(config.seed()));
        return new ExperimentResult(name(), checks, figures, params, notes.toString());
    }

    private static double[] toDouble(int[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i];
        }
        return r;
    }
}
