package org.optdyn.verification.dmft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.optdyn.engine.erm.ErmLoss;
import org.optdyn.engine.erm.ErmProblem;
import org.optdyn.engine.erm.ErmTrajectory;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.theory.dmft.DmftSolution;
import org.optdyn.theory.dmft.MonteCarloDmft;
import org.optdyn.theory.dmft.MonteCarloDmftSolution;
import org.optdyn.theory.dmft.SquareLossDmft;
import org.optdyn.verification.dmft.ErmRuns.Observable;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.FalseFailure;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;
import org.optdyn.verification.experiment.Statistics;

/**
 * The Monte-Carlo DMFT of a general loss (dmft.md §4, {@link MonteCarloDmft}) in two directions: against the exact
 * solver on the square loss (check D7), and against finite-d multi-pass ERM on the logistic loss (check D8).
 *
 * <p><b>D7, MC = exact.</b> SGD {@code b = 0.3} on the §6 base case ({@code alpha = 2, eta = 0.2, lambda = 0.1,
 * sigma = 0.5, rho = 1, theta0 = 0, Sigma = I, kappa_b = 1}). {@link MonteCarloDmft#solveReplicated} runs {@code R}
 * independent sweeps of {@code M} paths; each sweep's observable is an average over {@code M >= 10^4} paths (and a
 * smooth function of such averages), close to Normal, so {@code (mean - E)/se ~ Student-t(R - 1)} with
 * {@code se = sd/sqrt(R)} the between-sweep standard error, which includes the noise of the sampled kernels. A sweep
 * has an {@code O(1/M)} bias (its kernels enter later steps nonlinearly); {@code MonteCarloDmftTest} measured it on
 * this case, with 400 sweeps of {@code 10^4} paths and 60 of {@code 10^5}, within 1.2 se of zero, i.e. below
 * {@code 1e-4} at {@code M = 10^4}: the allowance {@code 1/M} ({@code 1e-4} at {@code M = 10^4}, scaling as the bias)
 * covers it. Check, per observable ({@code m}, train and test loss): {@code max_t |mean - exact| / (q se + 1/M) <= 1},
 * {@code q} the two-sided Student-t(R - 1) quantile at {@value #ALPHA} over the number of checked steps (Bonferroni).
 *
 * <p><b>D8, MC = simulation, logistic loss.</b> {@code l(r; y) = log(1 + e^{-yr})}, {@code y = sign(r* + 0.3 eps)},
 * {@code alpha = 2, b = 0.5, eta = 0.5, lambda = 0.05, theta0 = 0, kappa_b = 1}, {@code T = 30} (dmft.md D8). The
 * {@code S} simulated runs at dimension {@code d} and the {@code R} MC sweeps are independent samples of two
 * near-Normal statistics; the difference of their means has standard error {@code sqrt(se_sim^2 + se_mc^2)}, and
 * {@code (difference - E difference) / that} is the Welch statistic, bounded in distribution by Student-t with
 * {@code min(S, R) - 1} degrees of freedom (Hsu's conservative choice: its tail is never lighter than Welch's). The
 * observables are the training loss and the classification test error {@code arccos(m/sqrt(q (p* + sigma^2)))/pi}
 * (the population logistic test loss is not recorded by either side). Check, per observable:
 * {@code max_t |mean_sim - mean_MC| / (q sqrt(se_sim^2 + se_mc^2) + c/d + 1/M) <= 1}.
 *
 * <p><b>The O(1/d) bias of the simulation, {@code c/d} with {@code c = 1}.</b> For the logistic loss the finite-d
 * correction is not available in closed form, so {@code c} was measured once, from simulation alone (no DMFT
 * involved, other seeds than any run here): with {@code E(d) = E(inf) + c/d + O(d^-2)},
 * {@code c ~ (E(100) - E(400)) / (1/100 - 1/400)} from 1600 runs at {@code d = 100} and 400 at {@code d = 400}
 * (optdyn dmft --simulate, seeds 201 and 202). At {@code t = 4, 9, 19, 29}: training loss {@code c = 0.10, 0.11,
 * 0.10, 0.11}, each {@code +- 0.09}; test error {@code c = -0.03, -0.03, -0.02, 0.01}, each {@code +- 0.065}. The
 * bound {@code |c| <= 1} is more than nine standard errors above every estimate (and leaves room for the
 * {@code d^-2} term, which inflates the estimate at {@code d = 100}). At the dimensions used here {@code 1/d} is a
 * tenth of the statistical part of the tolerance or less.
 *
 * <p><b>Sabotage.</b> The predictions (the exact curves in D7, the MC curves in D8) are scaled by {@code 1 +}
 * resolution; the resolutions are above the largest relative allowance plus two standard errors at the checked
 * steps, so a sabotaged run fails whatever the draw.
 */
final class MonteCarloAgreement implements Experiment {

    /** False-failure probability of each check (3 D7 checks and 2 D8 checks: 2.5e-4 in all). */
    private static final double ALPHA = 5e-5;
    /** Bias allowance coefficient of the logistic simulation: {@code |E - limit| <= C_BIAS / d} (class comment). */
    private static final double C_BIAS = 1;

    @Override
    public String name() {
        return "dmft-monte-carlo";
    }

    @Override
    public String claim() {
        return "The Monte-Carlo DMFT (sampled sample-side process, exact parameter side) reproduces the exact "
                + "square-loss DMFT of SGD within its between-sweep standard error (m, training and test loss), and on "
                + "the logistic loss it gives the large-d mean of multi-pass SGD's training loss and classification "
                + "test error: finite-d runs agree within the combined Monte-Carlo error and an O(1/d) bias.";
    }

    @Override
    public String source() {
        return "[DMFT] Gerbelot, Troiani, Mignacco, Krzakala, Zdeborova 2022 (seed 003); dmft.md §4 (Monte-Carlo "
                + "solver), §7 D7 and D8, §8 (protocol)";
    }

    /** The D7 problem: SGD b = 0.3 on the base case of dmft.md §6. */
    static ErmProblem squareCase(int steps) {
        return ErmProblem.square(2, 0.1, 0.2, steps).withTeacher(1, 0.5).withBatch(0.3, ErmProblem.BatchNorm.SUM);
    }

    /** The D8 problem: logistic loss, y = sign(r* + 0.3 eps), alpha = 2, b = 0.5, eta = 0.5, lambda = 0.05. */
    static ErmProblem logisticCase(int steps) {
        return ErmProblem.square(2, 0.05, 0.5, steps).withTeacher(1, 0.3).withBatch(0.5, ErmProblem.BatchNorm.SUM)
                .withLoss(new ErmLoss.Logistic());
    }

    /**
     * The largest ratio {@code |a_t - b_t| / (q se_t + bias)} over the checked steps.
     *
     * @param worst    the largest ratio (the check is {@code worst <= 1})
     * @param at       the step where it is attained
     * @param quantile q
     */
    record Ratio(double worst, int at, double quantile) {
    }

    static Ratio ratio(double[] a, double[] b, double[] se, double bias, int[] steps, double q) {
        double worst = 0;
        int at = steps[0];
        for (int t : steps) {
            double gap = Math.abs(a[t] - b[t]);
            double r = gap == 0 ? 0 : gap / (q * se[t] + bias);
            if (r > worst || Double.isNaN(r)) {
                worst = r;
                at = t;
            }
        }
        return new Ratio(worst, at, q);
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        var checks = new ArrayList<Check>();
        var figures = new ArrayList<Figure>();
        var notes = new StringBuilder();
        var params = ExperimentResult.parameterMap();
        var root = new RandomStreams(config.seed());

        // ---- D7: MC vs exact, square loss ----
        int sqSteps = full ? 40 : 20;
        int sqSamples = full ? 100_000 : 25_000;
        int sqReps = full ? 20 : 16;
        int[] sqChecked = full ? new int[] {1, 5, 10, 20, 40} : new int[] {1, 5, 10, 20};
        double sqRes = full ? 0.02 : 0.05;
        ErmProblem square = squareCase(sqSteps);
        DmftSolution exact = SquareLossDmft.solve(square).orElseThrow();
        MonteCarloDmftSolution sqMc = MonteCarloDmft.solveReplicated(square, sqSamples, root.child(1).masterSeed(),
                sqReps, config.threads()).orElseThrow();
        double sqQ = Statistics.studentQuantile(sqReps - 1, ALPHA / sqChecked.length);
        double sqBias = 1.0 / sqSamples;
        var sqFf = FalseFailure.probability(ALPHA, "per step (MC mean - E)/se ~ Student-t(" + (sqReps - 1) + ") (R = "
                + sqReps + " independent sweeps, each an average of M = " + sqSamples + " paths); two-sided quantile "
                + Statistics.fmt(sqQ) + " at " + Statistics.fmt(ALPHA / sqChecked.length) + " per step, Bonferroni over "
                + sqChecked.length + " steps, whenever the O(1/M) sweep bias is at most 1/M");
        DmftSolution mean = sqMc.solution();
        String[] sqLabels = {"m", "train loss", "test loss"};
        double[][] sqExact = {exact.m(), exact.trainLoss(), exact.testLoss()};
        double[][] sqMean = {mean.m(), mean.trainLoss(), mean.testLoss()};
        double[][] sqSe = {sqMc.mSe(), sqMc.trainLossSe(), sqMc.testLossSe()};
        double worstSq = 0;
        for (int k = 0; k < 3; k++) {
            double[] predicted = config.predicted(sqExact[k], sqRes);
            var r = ratio(sqMean[k], predicted, sqSe[k], sqBias, sqChecked, sqQ);
            checks.add(Check.atMost("D7 square loss, SGD b = 0.3: max over t in " + Arrays.toString(sqChecked)
                            + " of |MC DMFT " + sqLabels[k] + " - exact DMFT| / (q se + 1/M)", r.worst(), 1.0,
                    "the Monte-Carlo solver samples the same equations the exact solver closes in Gaussian form "
                            + "(dmft.md §3, §4); mean of " + sqReps + " sweeps of M = " + sqSamples + " paths, "
                            + "between-sweep se (MonteCarloAgreement javadoc)", sqFf));
            notes.append("D7 ").append(sqLabels[k]).append(':');
            for (int t : sqChecked) {
                double allowance = sqQ * sqSe[k][t] + sqBias;
                notes.append(" t = ").append(t).append(": MC ").append(Statistics.fmt(sqMean[k][t])).append(" +- ")
                        .append(Statistics.fmt(sqSe[k][t])).append(" (exact ").append(Statistics.fmt(sqExact[k][t]))
                        .append(", diff ").append(Statistics.fmt(sqMean[k][t] - sqExact[k][t])).append(')');
                worstSq = Math.max(worstSq, allowance / Math.abs(sqExact[k][t]));
            }
            notes.append('\n');
        }
        notes.append("D7 largest relative allowance: ").append(Statistics.fmt(100 * worstSq)).append(" % (resolution ")
                .append(Statistics.fmt(100 * sqRes)).append(" %)\n");
        double[] x = ErmRuns.steps(sqSteps + 1);
        var sqSeries = new ArrayList<Series>();
        for (int k = 1; k < 3; k++) {
            sqSeries.add(new Series("exact DMFT " + sqLabels[k], Series.Kind.THEORY_LINE, x, sqExact[k]));
            sqSeries.add(new Series("MC DMFT " + sqLabels[k] + " (mean of " + sqReps + " sweeps)",
                    Series.Kind.REFERENCE_DASHED, x, sqMean[k]));
        }
        figures.add(new Figure("square-mc-vs-exact", "D7, square loss, SGD b = 0.3: exact DMFT (lines) and Monte-Carlo "
                + "DMFT, " + sqReps + " x " + sqSamples + " paths (dashed)", "step t", "loss", false, false, sqSeries));

        // ---- D8: MC vs simulation, logistic loss ----
        int lgSteps = 30;
        int d = full ? 2000 : 1000;
        int runs = full ? 40 : 16;
        int lgSamples = full ? 50_000 : 12_500;
        int lgReps = full ? 40 : 16;
        int[] lgChecked = full ? new int[] {5, 10, 20, 30} : new int[] {5, 10, 20, 30};
        double lgRes = full ? 0.03 : 0.1;
        ErmProblem logistic = logisticCase(lgSteps);
        MonteCarloDmftSolution lgMc = MonteCarloDmft.solveReplicated(logistic, lgSamples, root.child(2).masterSeed(),
                lgReps, config.threads()).orElseThrow();
        List<ErmTrajectory> sim = ErmRuns.simulate(logistic, d, config, 0, runs, name());
        int dof = Math.min(runs, lgReps) - 1;
        double lgQ = Statistics.studentQuantile(dof, ALPHA / lgChecked.length);
        double lgBias = C_BIAS / d + 1.0 / lgSamples;
        var lgFf = FalseFailure.probability(ALPHA, "per step (difference of means - E)/sqrt(se_sim^2 + se_mc^2): "
                + "Welch statistic of " + runs + " runs and " + lgReps + " sweeps, bounded by Student-t(" + dof
                + ") = min(S, R) - 1 (Hsu); two-sided quantile " + Statistics.fmt(lgQ) + " at "
                + Statistics.fmt(ALPHA / lgChecked.length) + " per step, Bonferroni over " + lgChecked.length
                + " steps, whenever the O(1/d) simulation bias is at most 1/d and the sweep bias at most 1/M");
        String[] lgLabels = {"train loss", "test error"};
        Observable[] lgObs = {Observable.TRAIN, Observable.TEST};
        double[][] lgMean = {lgMc.solution().trainLoss(), lgMc.solution().testLoss()};
        double[][] lgSe = {lgMc.trainLossSe(), lgMc.testLossSe()};
        double worstLg = 0;
        var lgSeries = new ArrayList<Series>();
        double[] xl = ErmRuns.steps(lgSteps + 1);
        for (int k = 0; k < 2; k++) {
            double[][] v = lgObs[k].of(sim);
            var stats = Statistics.stats(v);
            double[] combined = new double[lgSteps + 1];
            for (int t = 0; t <= lgSteps; t++) {
                combined[t] = Math.hypot(stats.se(t), lgSe[k][t]);
            }
            double[] predicted = config.predicted(lgMean[k], lgRes);
            var r = ratio(stats.mean(), predicted, combined, lgBias, lgChecked, lgQ);
            checks.add(Check.atMost("D8 logistic loss: max over t in " + Arrays.toString(lgChecked) + " of |mean "
                            + lgLabels[k] + " (d = " + d + ") - MC DMFT| / (q sqrt(se_sim^2 + se_mc^2) + 1/d + 1/M)",
                    r.worst(), 1.0, "the DMFT is the d -> infinity mean (dmft.md §8); " + runs + " runs at d = " + d
                            + " against " + lgReps + " sweeps of M = " + lgSamples + " paths; O(1/d) bias bound 1/d "
                            + "measured from simulation alone (MonteCarloAgreement javadoc)", lgFf));
            notes.append("D8 ").append(lgLabels[k]).append(':');
            for (int t : lgChecked) {
                double allowance = lgQ * combined[t] + lgBias;
                notes.append(" t = ").append(t).append(": sim ").append(Statistics.fmt(stats.mean()[t])).append(" +- ")
                        .append(Statistics.fmt(stats.se(t))).append(", MC ").append(Statistics.fmt(lgMean[k][t]))
                        .append(" +- ").append(Statistics.fmt(lgSe[k][t])).append(" (diff ")
                        .append(Statistics.fmt(stats.mean()[t] - lgMean[k][t])).append(", allowance ")
                        .append(Statistics.fmt(allowance)).append(')');
                worstLg = Math.max(worstLg, allowance / Math.abs(lgMean[k][t]));
            }
            notes.append('\n');
            lgSeries.add(new Series("MC DMFT " + lgLabels[k], Series.Kind.THEORY_LINE, xl, lgMean[k]));
            for (int i = 0; i < v.length; i++) {
                lgSeries.add(new Series(lgLabels[k] + " seed " + i, Series.Kind.SIMULATION_MARKERS, xl, v[i]));
            }
        }
        notes.append("D8 largest relative allowance: ").append(Statistics.fmt(100 * worstLg)).append(" % (resolution ")
                .append(Statistics.fmt(100 * lgRes)).append(" %)\n");
        figures.add(new Figure("logistic-mc-vs-simulation", "D8, logistic loss: Monte-Carlo DMFT, " + lgReps + " x "
                + lgSamples + " paths (lines) and " + runs + " runs at d = " + d + " (markers)", "step t",
                "train loss, test error", false, false, lgSeries));

        params.put("D7 problem", "square loss, SGD b = 0.3, alpha = 2, eta = 0.2, lambda = 0.1, sigma = 0.5, rho = 1, "
                + "theta0 = 0, Sigma = I, kappa_b = 1 (dmft.md §6)");
        params.put("D7 steps T", Integer.toString(sqSteps));
        params.put("D7 sweeps R x paths M", sqReps + " x " + sqSamples);
        params.put("D7 checked steps", Arrays.toString(sqChecked));
        params.put("D8 problem", "logistic loss, y = sign(r* + 0.3 eps), alpha = 2, b = 0.5, eta = 0.5, lambda = 0.05, "
                + "rho = 1, theta0 = 0, Sigma = I, kappa_b = 1 (dmft.md D8)");
        params.put("D8 steps T", Integer.toString(lgSteps));
        params.put("D8 d", Integer.toString(d));
        params.put("D8 n", "round(2 d)");
        params.put("D8 runs S", Integer.toString(runs));
        params.put("D8 sweeps R x paths M", lgReps + " x " + lgSamples);
        params.put("D8 checked steps", Arrays.toString(lgChecked));
        params.put("D8 bias allowance", "1/d (simulation, measured from simulation alone) + 1/M (sweep)");
        params.put("false-failure probability per check", Double.toString(ALPHA));
        params.put("seed", Long.toString(config.seed()));
        return new ExperimentResult(name(), checks, figures, params, notes.toString(), "a "
                + Statistics.fmt(100 * sqRes) + " % relative error in the exact square-loss curves (D7), or a "
                + Statistics.fmt(100 * lgRes) + " % relative error in the Monte-Carlo logistic curves (D8); the notes "
                + "give the largest relative allowance at the checked steps");
    }
}
