package org.optdyn.verification.dln;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.optdyn.engine.dln.DlnProblem;
import org.optdyn.engine.dln.DlnSimulator;
import org.optdyn.engine.dln.DlnTrajectory;
import org.optdyn.engine.dln.Parametrisation;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.stream.TimeGrid;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.FalseFailure;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;
import org.optdyn.verification.experiment.Statistics;

/**
 * Parametrisation equivalence (diagonal-networks.md §1, check N9): {@code (w+, w-) -> (u, v) = (w+ + w-, w+ - w-)} is
 * {@code sqrt 2} times an orthogonal map with {@code u v = w+^2 - w-^2}, so SGD on {@code (w+, w-)} with step
 * {@code gamma} and SGD on {@code (u, v)} with step {@code 2 gamma} are the same iteration; on the same samples (same
 * seed and run index) their recorded risk, imbalance, l1 size and distance coincide up to rounding.
 *
 * <p><b>Tolerance, derived (rounding only).</b> The two codes evaluate different but algebraically equal expressions, so
 * their states differ by rounding. Per step, the residual {@code e} is a dot product over d terms, whose rounding error
 * is at most {@code d u sum_i |x_i theta_i|} (u = 2^-53, the standard bound for recursive summation) and the updates
 * add a few {@code u} relative per coordinate; a perturbation is carried forward by the linearised SGD map, whose growth
 * over the run is at most {@code exp(gamma_uv kappa_max T)} (the Hessian trace bounds the local expansion rate of the
 * gradient step in the time unit of d steps). Summing the worst case linearly over {@code n = d T} steps gives the
 * relative bound {@code tol = 8 d n u exp(gamma_uv kappa_max T)} on every observable (factor 8 for the update, the
 * conversion between coordinates and the observable sums); {@code kappa_max} is taken as {@code 2 kappa(0)}.
 * Measured differences are many orders of magnitude below this worst case (rounding errors are not aligned), so the
 * check can only fail if the iterations are not the same map.
 *
 * <p><b>Sabotage.</b> The product run uses the predicted step {@code 2 gamma (1 + res)}, {@code res = 1e-5}: a step
 * error of 1e-5 changes the risk by about {@code 1e-6} relative by t = 1 (d ln R / d ln gamma is of order 1 on N1),
 * above the rounding bound (2e-8 at test size, 3e-7 at full size).
 */
final class DlnParametrisationEquivalence implements Experiment {

    private static final double UNIT_ROUNDOFF = 0x1p-53;
    private static final double[] SIGMAS = {0.3, 0};
    private static final List<String> NAMES = List.of("risk", "imbalance", "l1", "distance");
    private static final List<Function<DlnTrajectory, double[]>> OBS = List.of(DlnTrajectory::risk,
            DlnTrajectory::imbalance, DlnTrajectory::l1, DlnTrajectory::distance);

    @Override
    public String name() {
        return "dln-parametrisation-equivalence";
    }

    @Override
    public String claim() {
        return "Streaming SGD on theta = w+^2 - w-^2 with step gamma is streaming SGD on theta = u v with step 2 gamma "
                + "through (u, v) = (w+ + w-, w+ - w-): on the same samples the risk, imbalance, l1 size and distance "
                + "trajectories coincide up to rounding.";
    }

    @Override
    public String source() {
        return "[DLN] García Malaxechebarría et al. 2026 (abstract: theta = u v or w+^2 - w-^2); Woodworth et al. 2020 "
                + "(the w+^2 - w-^2 model); diagonal-networks.md §1, N9";
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        int d = full ? 4000 : 1000;
        double horizon = 2;
        int runs = full ? 4 : 2;
        double gammaW = 0.3;
        double res = 1e-5;
        double gammaUv = config.predicted(2 * gammaW, res);
        int points = (int) Math.round(horizon / 0.25) + 1;
        long n = Math.round(d * horizon);
        var checks = new ArrayList<Check>();
        var figures = new ArrayList<Figure>();
        var notes = new StringBuilder();
        var root = new RandomStreams(config.seed());
        for (int s = 0; s < SIGMAS.length; s++) {
            double sigma = SIGMAS[s];
            var grid = TimeGrid.linear(horizon, points);
            var squares = DlnProblem.n1(d, gammaW, sigma, grid).withParametrisation(Parametrisation.SQUARES);
            var product = DlnProblem.n1(d, gammaUv, sigma, grid);
            double kappa0 = product.instance().initial(sigma).curvature();
            double tol = 8.0 * d * n * UNIT_ROUNDOFF * Math.exp(2 * gammaW * 2 * kappa0 * horizon);
            long seed = root.child(s).masterSeed();
            var w = DlnSimulator.runMany(squares, seed, runs, config.threads());
            var uv = DlnSimulator.runMany(product, seed, runs, config.threads());
            double worst = 0;
            String worstAt = "";
            double[] diffCurve = null;
            for (int q = 0; q < runs; q++) {
                DlnTrajectory a = w.get(q).value();
                DlnTrajectory b = uv.get(q).value();
                if (a.size() != b.size()) {
                    worst = Double.NaN;
                    worstAt = "run " + q + " records " + a.size() + " vs " + b.size() + " points (one diverged)";
                    break;
                }
                double[] curve = new double[a.size()];
                for (int o = 0; o < OBS.size(); o++) {
                    double[] x = OBS.get(o).apply(a);
                    double[] y = OBS.get(o).apply(b);
                    double scale = Arrays.stream(y).map(Math::abs).max().orElse(1);
                    for (int j = 0; j < x.length; j++) {
                        double rel = Math.abs(x[j] - y[j]) / scale;
                        curve[j] = Math.max(curve[j], rel);
                        if (rel > worst) {
                            worst = rel;
                            worstAt = NAMES.get(o) + ", run " + q + ", t = " + Statistics.fmt(a.times()[j]);
                        }
                    }
                }
                if (q == 0) {
                    diffCurve = curve;
                }
            }
            String label = "sigma = " + Statistics.fmt(sigma);
            checks.add(Check.atMost(label + ": max over observables, runs and t of |squares - product| / max|product|",
                    worst, tol, runs + " runs at d = " + d + ", T = " + horizon + " (n = " + n + " steps), step "
                            + gammaW + " on (w+, w-) and " + 2 * gammaW + " on (u, v); worst at " + worstAt,
                    FalseFailure.deterministic("worst-case rounding bound 8 d n u exp(2 gamma kappa(0) gamma_uv T) "
                            + "(javadoc): the two iterations are the same map in exact arithmetic")));
            notes.append(label).append(": max relative difference ").append(worst).append(" (").append(worstAt)
                    .append("), rounding bound ").append(tol).append('\n');
            DlnTrajectory a = w.get(0).value();
            DlnTrajectory b = uv.get(0).value();
            var series = new ArrayList<Series>();
            series.add(new Series("u v, step 2 gamma (line)", Series.Kind.THEORY_LINE, b.times(), b.risk()));
            series.add(new Series("w+^2 - w-^2, step gamma (markers)", Series.Kind.SIMULATION_MARKERS, a.times(),
                    a.risk()));
            figures.add(new Figure("risk-sigma" + s, "Risk of one run on the same samples in both parametrisations, "
                    + label + ", N1, d = " + d, "t", "R", false, false, series));
            if (diffCurve != null) {
                double[] t = a.times();
                var pos = new ArrayList<double[]>();
                for (int j = 0; j < t.length; j++) {
                    if (diffCurve[j] > 0) {
                        pos.add(new double[] {t[j], diffCurve[j]});
                    }
                }
                var diff = new ArrayList<Series>();
                diff.add(new Series("max relative difference, run 0", Series.Kind.SIMULATION_MARKERS,
                        pos.stream().mapToDouble(p -> p[0]).toArray(), pos.stream().mapToDouble(p -> p[1]).toArray()));
                diff.add(new Series("rounding bound", Series.Kind.REFERENCE_DASHED, new double[] {0, horizon},
                        new double[] {tol, tol}));
                figures.add(new Figure("difference-sigma" + s, "Relative difference between the parametrisations "
                        + "(rounding), " + label, "t", "relative difference", false, true, diff));
            }
        }
        var params = ExperimentResult.parameterMap();
        params.put("instance", "N1 (diagonal-networks.md §7): w+ = w- = 1/2, i.e. u = 1, v = 0");
        params.put("sigma", Arrays.toString(SIGMAS));
        params.put("step on (w+, w-)", Double.toString(gammaW));
        params.put("d", Integer.toString(d));
        params.put("horizon T", Statistics.fmt(horizon));
        params.put("runs", Integer.toString(runs));
        params.put("seed", Long.toString(config.seed()));
        return new ExperimentResult(name(), checks, figures, params, notes.toString(), "a relative error of 1e-5 in "
                + "the step map gamma -> 2 gamma");
    }
}
