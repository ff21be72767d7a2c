package org.optdyn.verification.dln;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.optdyn.engine.dln.DlnProblem;
import org.optdyn.engine.dln.DlnTrajectory;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.stream.TimeGrid;
import org.optdyn.theory.pde.ParticleEstimate;
import org.optdyn.theory.pde.ParticleSolver;
import org.optdyn.theory.pde.SdeSolver;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;
import org.optdyn.verification.experiment.Statistics;

/**
 * The PDE trajectories of diagonal-networks.md §3 against streaming SGD and the finite-d SDE (§8 steps 1–4, check
 * N2): on instance N1 at {@code gamma = 0.5}, {@code sigma = 0.3}, the risk, curvature, imbalance and l1 size of S SGD
 * runs at dimension d and of S runs of the §2 SDE (on the same d coordinates) follow the particle solution (N1
 * replicated {@code r} times, {@link ParticleSolver#estimate} with its own error estimate {@code eps_part(t)}).
 *
 * <p><b>Test.</b> For each observable, source and checked time, {@code |mean - particle| <= q se + eps_part(t) +
 * b(t)}, {@code q} the two-sided Student-t(S - 1) quantile, Bonferroni over the checked times, observables and the two
 * sources ({@link Statistics#meanTest}). {@code eps_part} is the spec's particle error estimate (three times the spread
 * of two particle seeds plus twice the Richardson step bias), an order-of-magnitude estimate, not a bound.
 *
 * <p><b>Finite-d allowance b(t), derived.</b> The mean of a d-coordinate average differs from its mean-field limit by
 * {@code O(1/d)}: (i) SGD's rank-one part of the gradient-noise covariance, dropped in §2, adds to the per-unit-time
 * change of any coordinate functional a term {@code gamma^2 k_i^2 delta_i^2 S_i^2 / d} per coordinate (its second
 * moment {@code 2 (k_i/d)^2 delta_i^2} against the diagonal {@code 2R k_i/d}); (ii) the coupling through the random
 * {@code R_t}, whose variance is {@code O(1/d)}, moves the mean at second order by {@code O(Var R) = O(1/d)}. Bounding
 * {@code k_i <= k_max}, {@code |delta_i| S_i} by its value on the particle state (start and end) and integrating
 * without contraction credit gives the stated {@code b(t) = 2 t gamma^2 k_max^3 B / d} per unit of the observable's
 * scale, {@code B = max over the two states of mean_i delta_i^2 S_i^2} (factor 2 for term (ii) and the Itô term). It
 * is computed from the particle solution, never from the compared SGD or SDE means.
 */
final class DlnTrajectories implements Experiment {

    /** Family-wise false-failure probability of the whole mean test (all observables, sources and times). */
    private static final double ALPHA = 1e-4;
    private static final double GAMMA = 0.5;
    private static final double SIGMA = 0.3;
    private static final List<String> NAMES = List.of("risk R", "curvature kappa", "imbalance cbar", "l1 size");
    private static final List<Function<DlnTrajectory, double[]>> OBS = List.of(DlnTrajectory::risk,
            DlnTrajectory::curvature, DlnTrajectory::imbalance, DlnTrajectory::l1);

    @Override
    public String name() {
        return "dln-trajectories";
    }

    @Override
    public String claim() {
        return "The deterministic mean-field PDE (particle solution) gives the risk, curvature, imbalance and l1 size of "
                + "streaming SGD on a diagonal linear network and of its SDE approximation: the mean over runs agrees "
                + "with the particle curve within Student-t error, the particle error estimate and an O(1/d) allowance.";
    }

    @Override
    public String source() {
        return "[DLN] García Malaxechebarría et al. 2026 (abstract: the PDE gives the evolution of risk and curvature); "
                + "diagonal-networks.md §2, §3, §4, §8 steps 1-4, N2";
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        int d = full ? 4000 : 1000;
        double horizon = full ? 6 : 2;
        int runs = full ? 20 : 30;
        int particles = full ? 200_000 : 100_000;
        double[] checkTimes = full ? new double[] {1, 2, 4, 6} : new double[] {0.5, 1, 1.5, 2};
        // resolution: a relative error of res in the particle curves shifts the risk (0.065..0.09) by more than
        // the tolerance plus two standard errors at the checked times, and the curvature (~1.1) by far more
        double res = full ? 0.02 : 0.03;
        int points = (int) Math.round(horizon / 0.25) + 1;
        var problem = DlnProblem.n1(d, GAMMA, SIGMA, TimeGrid.linear(horizon, points));
        int r = ParticleSolver.replicasFor(d, particles);
        var root = new RandomStreams(config.seed());
        var est = ParticleSolver.defaults().estimate(ParticleSolver.replicate(problem, r), root.child(0).masterSeed());
        if (est instanceof Outcome.Diverged<ParticleEstimate> div) {
            throw new IllegalStateException(name() + ": particle solution diverged: " + div.describe());
        }
        ParticleEstimate pe = est.value();
        DlnTrajectory part = pe.trajectory();
        List<DlnTrajectory> sgd = DlnRuns.simulate(problem, config, 1, runs, name() + " SGD");
        var sdeOut = SdeSolver.defaults().runMany(problem, root.child(2).masterSeed(), runs, config.threads());
        var sde = new ArrayList<DlnTrajectory>();
        for (var o : sdeOut) {
            if (o instanceof Outcome.Diverged<DlnTrajectory> div) {
                throw new IllegalStateException(name() + ": SDE run diverged: " + div.describe());
            }
            sde.add(o.value());
        }
        int[] idx = new int[checkTimes.length];
        for (int j = 0; j < checkTimes.length; j++) {
            idx[j] = DlnRuns.indexOf(part, checkTimes[j]);
        }
        // finite-d allowance from the particle states (start and end)
        double bStart = deltaS(problem.instance().k(), problem.instance().target(), problem.instance().u0(),
                problem.instance().v0());
        var st = pe.value().state();
        double bEnd = deltaS(st.k(), st.target(), st.u0(), st.v0());
        double kMax = 1.5;
        double bRate = 2 * GAMMA * GAMMA * kMax * kMax * kMax * Math.max(bStart, bEnd) / d;

        var checks = new ArrayList<Check>();
        var figures = new ArrayList<Figure>();
        var notes = new StringBuilder();
        List<List<DlnTrajectory>> sources = List.of(sgd, sde);
        List<String> sourceNames = List.of("SGD", "SDE");
        int tests = NAMES.size() * sources.size();
        double perTest = ALPHA / tests;
        notes.append("finite-d allowance rate 2 gamma^2 k_max^3 B / d = ").append(Statistics.fmt(bRate))
                .append(" per unit time (B = ").append(Statistics.fmt(Math.max(bStart, bEnd))).append(")\n");
        for (int o = 0; o < NAMES.size(); o++) {
            double[] theory = OBS.get(o).apply(part);
            double[] err = OBS.get(o).apply(pe.error());
            double[] predicted = config.predicted(theory, res);
            double scale = Math.max(1e-12, Arrays.stream(theory).map(Math::abs).max().orElse(1));
            var series = new ArrayList<Series>();
            series.add(new Series("particles (M = " + r * d + ")", Series.Kind.THEORY_LINE, part.times(), theory));
            for (int s = 0; s < sources.size(); s++) {
                List<DlnTrajectory> runsOf = sources.get(s);
                double[][] v = new double[runs][];
                for (int q = 0; q < runs; q++) {
                    v[q] = OBS.get(o).apply(runsOf.get(q));
                }
                var stats = Statistics.stats(v);
                double[] bias = new double[theory.length];
                for (int j = 0; j < theory.length; j++) {
                    bias[j] = err[j] + bRate * part.times()[j] * scale;
                }
                var test = Statistics.meanTest(stats, predicted, bias, idx, perTest);
                checks.add(Check.atMost(sourceNames.get(s) + " " + NAMES.get(o)
                                + ": max over t of |mean - particle| / (q se + eps_part + b)", test.worst(), 1.0,
                        runs + " runs at d = " + d + " against the particle solution (N1 x " + r + ") at t = "
                                + Arrays.toString(checkTimes) + "; eps_part = 3 seed spread + 2 step bias; b(t) = "
                                + Statistics.fmt(bRate) + " t x " + Statistics.fmt(scale) + " (javadoc)",
                        test.falseFailure()));
                notes.append(sourceNames.get(s)).append(' ').append(NAMES.get(o)).append(':');
                for (int j : idx) {
                    notes.append(" t = ").append(Statistics.fmt(part.times()[j])).append(": ")
                            .append(Statistics.fmt(stats.mean()[j])).append(" +- ").append(Statistics.fmt(stats.se(j)))
                            .append(" vs ").append(Statistics.fmt(theory[j])).append(" (eps_part ")
                            .append(Statistics.fmt(err[j])).append(");");
                }
                notes.append('\n');
                if (s == 0) {
                    for (int q = 0; q < runs; q++) {
                        series.add(new Series("SGD run " + q, Series.Kind.SIMULATION_MARKERS, part.times(), v[q]));
                    }
                } else {
                    series.add(new Series("SDE mean of " + runs, Series.Kind.SIMULATION_MARKERS, part.times(),
                            stats.mean()));
                }
            }
            figures.add(new Figure(NAMES.get(o).split(" ")[0], NAMES.get(o) + ": particle PDE (line), SGD runs and "
                    + "SDE mean (markers), N1, d = " + d + ", gamma = 0.5, sigma = 0.3", "t", NAMES.get(o), false,
                    false, series));
        }
        var params = ExperimentResult.parameterMap();
        params.put("instance", "N1 (diagonal-networks.md §7), gamma = 0.5, sigma = 0.3");
        params.put("d", Integer.toString(d));
        params.put("horizon T", Statistics.fmt(horizon));
        params.put("runs per source (S)", Integer.toString(runs));
        params.put("particles M", Integer.toString(r * d));
        params.put("particle dt", Double.toString(ParticleSolver.DEFAULT_DT));
        params.put("checked times", Arrays.toString(checkTimes));
        params.put("family-wise false-failure probability", Double.toString(ALPHA));
        params.put("seed", Long.toString(config.seed()));
        return new ExperimentResult(name(), checks, figures, params, notes.toString(), "a relative error of "
                + Math.round(100 * res) + " % in the particle curves");
    }

    /** @return {@code mean_i delta_i^2 S_i^2} of a state */
    private static double deltaS(double[] k, double[] beta, double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < k.length; i++) {
            double delta = a[i] * b[i] - beta[i];
            double sum = a[i] * a[i] + b[i] * b[i];
            s += delta * delta * sum * sum;
        }
        return s / k.length;
    }
}
