package org.optdyn.verification.dln;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.optdyn.engine.dln.DlnProblem;
import org.optdyn.engine.dln.DlnTrajectory;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.stream.TimeGrid;
import org.optdyn.theory.pde.LongTimeRate;
import org.optdyn.theory.pde.ParticleSolution;
import org.optdyn.theory.pde.ParticleSolver;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.FalseFailure;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;
import org.optdyn.verification.experiment.Statistics;

/**
 * Exponential convergence with the rate of the renewal equation (diagonal-networks.md §6.2–6.4, §8 step 5, check N5):
 * with noiseless labels on instance N1 the risk decays like {@code exp(-r* t)}, {@code r*} the root of
 * {@code mean_i gamma^2 k_i^2 s_i^2 / (2 gamma k_i s_i - r*) = 1} with {@code s_i} from the particle state at T
 * ({@link LongTimeRate#fromState}); {@code r*} is above the explicit lower bound and {@code gamma kappa_inf < 2}.
 *
 * <p><b>Tolerance.</b> The fitted slope of {@code ln R} on {@code [T/2, T]} differs from {@code r*} by (i) the
 * pre-asymptotic transient: the next pole of the renewal equation's Laplace transform lies at or above
 * {@code r_max = min 2 gamma k_i s_i}, so its share of the slope decays like {@code exp(-(r_max - r*) T/2)}
 * (0.034 T/2 at gamma = 0.5: small but not negligible at T/2 = 10), (ii) the linearisation (second order in
 * {@code delta}, {@code O(R)} relative, below 1e-4 on the window) and (iii) the drift of {@code c(t)} towards
 * {@code c(inf)} ({@code exp(-2 gamma^2 k int_T^inf R)}, below 1e-4). The spec's 3 % relative tolerance covers (i)
 * with room (its own particle fits are within 0.2 %); it is used as the systematic allowance for the particle fit and
 * for the mean SGD fit, whose run-to-run spread is tested with Student-t(S - 1).
 */
final class DlnLongTimeRate implements Experiment {

    private static final double ALPHA = 1e-4;
    private static final double REL = 0.03;
    private static final double[] GAMMAS = {0.5, 1};

    @Override
    public String name() {
        return "dln-long-time-rate";
    }

    @Override
    public String claim() {
        return "With noiseless labels streaming SGD on a diagonal linear network (imbalanced start) converges to zero "
                + "risk exponentially fast, at the rate r* of the renewal equation of the linearised dynamics, "
                + "with r* above its explicit lower bound and gamma kappa_inf < 2.";
    }

    @Override
    public String source() {
        return "[DLN] García Malaxechebarría et al. 2026 (abstract: exponential convergence to zero risk); "
                + "diagonal-networks.md §6.2-6.4, §8 step 5, N5";
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        int d = full ? 4000 : 1000;
        double horizon = full ? 30 : 20;
        int runs = full ? 10 : 10;
        int particles = full ? 200_000 : 50_000;
        double res = 0.12;
        int points = (int) Math.round(horizon / 0.25) + 1;
        var root = new RandomStreams(config.seed());
        var checks = new ArrayList<Check>();
        var figures = new ArrayList<Figure>();
        var notes = new StringBuilder();
        double perCase = ALPHA / GAMMAS.length;
        for (int g = 0; g < GAMMAS.length; g++) {
            double gamma = GAMMAS[g];
            var problem = DlnProblem.n1(d, gamma, 0, TimeGrid.linear(horizon, points));
            int r = ParticleSolver.replicasFor(d, particles);
            var po = ParticleSolver.defaults().solve(ParticleSolver.replicate(problem, r),
                    root.child(10 + g).masterSeed());
            if (po instanceof Outcome.Diverged<ParticleSolution> div) {
                throw new IllegalStateException(name() + ": particles diverged: " + div.describe());
            }
            ParticleSolution ps = po.value();
            var rate = LongTimeRate.fromState(ps.state(), gamma);
            double rStar = config.predicted(rate.rStar(), res);
            DlnTrajectory part = ps.trajectory();
            double partFit = fit(part, horizon);
            List<DlnTrajectory> sim = DlnRuns.simulate(problem, config, g, runs, name() + " gamma = " + gamma);
            double[] fits = new double[runs];
            for (int q = 0; q < runs; q++) {
                fits[q] = fit(sim.get(q), horizon);
            }
            double mean = Statistics.mean(fits);
            double se = Statistics.sampleSd(fits) / Math.sqrt(runs);
            double q = Statistics.studentQuantile(runs - 1, perCase);
            String label = "gamma = " + Statistics.fmt(gamma);
            checks.add(Check.atMost(label + ": |particle fitted rate - r*| / r*", Math.abs(partFit - rStar) / rStar,
                    REL, "least-squares slope of ln R on [T/2, T], T = " + horizon + ", M = " + r * d
                            + " particles; r* = " + Statistics.fmt(rStar) + " from the particle state at T (3 % per "
                            + "§8 step 5, DlnLongTimeRate javadoc)",
                    FalseFailure.deterministic("systematic: transient and linearisation bias of the fit, bounded "
                            + "by 3 % (javadoc); the particle noise of the slope is far smaller")));
            checks.add(Check.atMost(label + ": |mean SGD fitted rate - r*| / (q se + 3 % r*)",
                    Math.abs(mean - rStar) / (q * se + REL * rStar), 1.0, runs + " runs at d = " + d
                            + ", mean fitted rate " + Statistics.fmt(mean) + " +- " + Statistics.fmt(se) + " (se)",
                    FalseFailure.probability(perCase, "(mean - E mean)/se ~ Student-t(" + (runs - 1)
                            + "), two-sided quantile " + Statistics.fmt(q))));
            checks.add(Check.atLeast(label + ": r* - lower bound r_max (1 - gamma kappa_inf / 2)",
                    rate.rStar() - rate.lowerBound(), 0, "r* = " + Statistics.fmt(rate.rStar()) + ", bound "
                            + Statistics.fmt(rate.lowerBound()), FalseFailure.deterministic("exact inequality of §6.4")));
            checks.add(Check.atMost(label + ": gamma kappa_inf", rate.gammaKappa(), 2.0,
                    "stability of the linearised risk equation (§6.3)", FalseFailure.deterministic("computed from "
                            + "the particle state; the claim is strict stability")));
            notes.append(label).append(": gamma kappa_inf ").append(Statistics.fmt(rate.gammaKappa()))
                    .append(", r_max ").append(Statistics.fmt(rate.rMax())).append(", r* ")
                    .append(Statistics.fmt(rate.rStar())).append(", lower bound ")
                    .append(Statistics.fmt(rate.lowerBound())).append(", fitted particles ")
                    .append(Statistics.fmt(partFit)).append(", SGD ").append(Statistics.fmt(mean)).append(" +- ")
                    .append(Statistics.fmt(se)).append(", R(T) particles ")
                    .append(Statistics.fmt(part.risk()[part.size() - 1])).append(", c_bar(T) ")
                    .append(Statistics.fmt(part.imbalance()[part.size() - 1])).append('\n');
            var series = new ArrayList<Series>();
            double[] t = part.times();
            double[] logPart = Arrays.stream(part.risk()).map(Math::log).toArray();
            series.add(new Series("particles ln R", Series.Kind.REFERENCE_DASHED, t, logPart));
            int jEnd = part.size() - 1;
            int jMid = DlnRuns.indexOf(part, horizon / 2);
            double[] lineT = {t[jMid], t[jEnd]};
            double[] lineY = {logPart[jEnd] + rStar * (t[jEnd] - t[jMid]), logPart[jEnd]};
            series.add(new Series("slope -r*", Series.Kind.THEORY_LINE, lineT, lineY));
            for (int k = 0; k < Math.min(5, runs); k++) {
                double[] y = Arrays.stream(sim.get(k).risk()).map(Math::log).toArray();
                series.add(new Series("SGD run " + k, Series.Kind.SIMULATION_MARKERS, sim.get(k).times(), y));
            }
            figures.add(new Figure("logrisk-gamma" + (g + 1), "ln R, " + label + ", sigma = 0 (N1, d = " + d
                    + "), with the predicted rate r*", "t", "ln R", false, false, series));
        }
        var params = ExperimentResult.parameterMap();
        params.put("instance", "N1 (diagonal-networks.md §7), sigma = 0");
        params.put("gammas", Arrays.toString(GAMMAS));
        params.put("d", Integer.toString(d));
        params.put("horizon T (fit on [T/2, T])", Statistics.fmt(horizon));
        params.put("SGD runs", Integer.toString(runs));
        params.put("seed", Long.toString(config.seed()));
        return new ExperimentResult(name(), checks, figures, params, notes.toString(), "a relative error of "
                + Math.round(100 * res) + " % in r*");
    }

    /** @return minus the least-squares slope of {@code ln R} on {@code [T/2, T]} */
    private static double fit(DlnTrajectory tr, double horizon) {
        double[] t = tr.times();
        var xs = new ArrayList<Double>();
        var ys = new ArrayList<Double>();
        for (int j = 0; j < t.length; j++) {
            if (t[j] >= horizon / 2 - 1e-9) {
                xs.add(t[j]);
                ys.add(Math.log(tr.risk()[j]));
            }
        }
        return -Statistics.slope(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
