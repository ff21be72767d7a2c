package org.optdyn.verification.dmft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.optdyn.engine.erm.ErmMethod;
import org.optdyn.engine.erm.ErmProblem;
import org.optdyn.engine.erm.ErmTrajectory;
import org.optdyn.theory.dmft.DmftSolution;
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
 * With the mean-normalised batch {@code kappa_b = 1/b}, the overlap {@code m(t)} of the square loss does not depend on
 * the batch fraction {@code b}, while the losses do (dmft.md §5, §7 D11).
 *
 * <p><b>Why, and why at every finite d.</b> The update is affine in {@code theta},
 * {@code theta^{t+1} = (1 - eta lambda) theta^t - eta kappa_b X^T S^t (X theta^t - y)} (plus the momentum terms),
 * and the selection matrix {@code S^t} is independent of {@code theta^t} with {@code E[kappa_b S^t] = kappa_b b I}.
 * For {@code kappa_b = 1/b} the mean of {@code theta^t} over the selections therefore follows the full-batch
 * recursion exactly on every instance, so {@code E[m_b(t) - m_1(t) | instance] = 0} at every {@code d}: no bias term.
 *
 * <p><b>Checks.</b> (1) In the DMFT, {@code max_t |m_b(t) - m_1(t)|} is zero up to rounding: the forward sweep adds
 * {@code O(T^2)} products of order-one kernels per step, each with relative rounding {@code 2^-53}, so the
 * difference stays below {@code 1e-10} for {@code T <= 40}. (2) In simulation, the same instances are run with
 * {@code b = 1} and {@code b < 1} (run {@code r} of one stream draws the same data, teacher and start): the paired
 * differences {@code Delta_r(t)} are i.i.d. across instances with mean exactly zero and near-Normal, so
 * {@code mean/se ~ Student-t(S - 1)}, tested at the checked steps (Bonferroni). (3) The losses do depend on
 * {@code b}: the paired difference of the test loss is tested against the DMFT's difference at the last step with
 * the bias allowance {@code 2 x 2/d} (each loss's O(1/d) bias, as in {@code dmft-square-loss}).
 */
final class BatchInvariance implements Experiment {

    /** False-failure probability of each statistical check (2 per case, 3 cases: 3e-4 in all). */
    private static final double ALPHA = 5e-5;
    private static final double BIAS = 2;
    /** Rounding bound on {@code |m_b(t) - m_1(t)|} in the exact solver (class comment). */
    private static final double ROUNDING = 1e-10;

    @Override
    public String name() {
        return "dmft-batch-invariance";
    }

    @Override
    public String claim() {
        return "With the mean-normalised batch kappa_b = 1/b, the teacher overlap m(t) of SGD, heavy ball and Nesterov "
                + "on the square loss does not depend on the batch fraction b (exactly in the DMFT, and in mean over "
                + "the selections on every finite-d instance), while the test loss does, by the amount the DMFT "
                + "predicts.";
    }

    @Override
    public String source() {
        return "[DMFT] Gerbelot et al. 2022 (seed 003), mean-normalised batch of the authors' code; dmft.md §5, §7 D11 "
                + "(derived there)";
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        int d = full ? 2000 : 1000;
        int runs = full ? 30 : 16;
        int steps = full ? 40 : 20;
        int[] checked = full ? new int[] {5, 10, 20, 40} : new int[] {5, 10, 20};
        double resM = full ? 0.01 : 0.02;
        // the effect of b on L_test(T) is 0.016 to 0.08 here; the paired test resolves about q se + 4/d (0.009 test,
        // 0.004 full) plus its noise
        double resLoss = full ? 0.008 : 0.015;
        var base = ErmProblem.square(2, 0.1, 0.2, steps).withTeacher(1, 0.5);
        var cases = new LinkedHashMap<String, ErmProblem>();
        cases.put("SGD b = 0.3", base.withBatch(0.3, ErmProblem.BatchNorm.MEAN));
        cases.put("heavy ball beta = 0.5, b = 0.3", base.withBatch(0.3, ErmProblem.BatchNorm.MEAN)
                .withMethod(new ErmMethod.HeavyBall(0.5)));
        cases.put("Nesterov beta = 0.5, b = 0.5", base.withBatch(0.5, ErmProblem.BatchNorm.MEAN)
                .withMethod(new ErmMethod.Nesterov(0.5)));
        var checks = new ArrayList<Check>();
        var figures = new ArrayList<Figure>();
        var notes = new StringBuilder();
        long stream = 0;
        for (var c : cases.entrySet()) {
            String name = c.getKey();
            ErmProblem batch = c.getValue();
            ErmProblem fullBatch = batch.withBatch(1, ErmProblem.BatchNorm.MEAN);
            DmftSolution theoryB = SquareLossDmft.solve(batch).orElseThrow();
            DmftSolution theory1 = SquareLossDmft.solve(fullBatch).orElseThrow();
            double[] m1 = config.predicted(theory1.m(), resM);
            double exact = 0;
            for (int t = 0; t <= steps; t++) {
                exact = Math.max(exact, Math.abs(theoryB.m()[t] - m1[t]));
            }
            checks.add(Check.atMost(name + ": DMFT max_t |m_b(t) - m_1(t)|", exact, ROUNDING,
                    "exact identity (dmft.md D11): kappa_b and b enter m only through kappa_b b = 1",
                    FalseFailure.deterministic("rounding of the forward sweep: O(T^2) order-one terms per step at "
                            + "2^-53, below 1e-10 for T <= 40")));
            long s = stream++;
            List<ErmTrajectory> simB = ErmRuns.simulate(batch, d, config, s, runs, name());
            List<ErmTrajectory> sim1 = ErmRuns.simulate(fullBatch, d, config, s, runs, name());
            double[][] mB = Observable.M.of(simB);
            double[][] mFull = Observable.M.of(sim1);
            double[][] diff = new double[runs][steps + 1];
            double[][] testDiff = new double[runs][steps + 1];
            double[][] lossB = Observable.TEST.of(simB);
            double[][] loss1 = Observable.TEST.of(sim1);
            for (int r = 0; r < runs; r++) {
                for (int t = 0; t <= steps; t++) {
                    diff[r][t] = mB[r][t] - mFull[r][t];
                    testDiff[r][t] = lossB[r][t] - loss1[r][t];
                }
            }
            double[] zero = new double[steps + 1];
            double[] shifted = new double[steps + 1];
            for (int t = 0; t <= steps; t++) {
                shifted[t] = config.predictedShifted(0, resM * theory1.m()[t]);
            }
            var mt = Statistics.meanTest(Statistics.stats(diff), shifted, zero, checked, ALPHA);
            checks.add(Check.atMost(name + ": max over t in " + Arrays.toString(checked) + " of |mean (m_b - m_1)| "
                            + "/ (q se), paired on the same instances", mt.worst(), 1.0,
                    "E[m_b(t) - m_1(t) | instance] = 0 exactly at every d (BatchInvariance javadoc); " + runs
                            + " instances at d = " + d, mt.falseFailure()));
            double[] predictedDiff = new double[steps + 1];
            for (int t = 0; t <= steps; t++) {
                predictedDiff[t] = config.predictedShifted(theoryB.testLoss()[t] - theory1.testLoss()[t], resLoss);
            }
            var lt = Statistics.meanTest(Statistics.stats(testDiff), predictedDiff,
                    Statistics.constant(steps + 1, 2 * BIAS / d), new int[] {steps}, ALPHA);
            checks.add(Check.atMost(name + ": |mean (L_test,b - L_test,1)(" + steps + ") - DMFT difference| / "
                            + "(q se + 4/d), paired", lt.worst(), 1.0, "the losses depend on b as the DMFT says; "
                            + "each loss has an O(1/d) bias bounded by 2/d (dmft-square-loss)", lt.falseFailure()));
            var mStats = Statistics.stats(diff);
            notes.append(name).append(": DMFT max_t |m_b - m_1| = ").append(Statistics.fmt(exact))
                    .append("; paired m_b - m_1 at t = ").append(steps).append(": ")
                    .append(Statistics.fmt(mStats.mean()[steps])).append(" +- ").append(Statistics.fmt(mStats.se(steps)))
                    .append(" (m_1 = ").append(Statistics.fmt(theory1.m()[steps])).append("); L_test(").append(steps)
                    .append(") DMFT ").append(Statistics.fmt(theoryB.testLoss()[steps])).append(" (b) vs ")
                    .append(Statistics.fmt(theory1.testLoss()[steps])).append(" (b = 1), paired simulated difference ")
                    .append(Statistics.fmt(Statistics.stats(testDiff).mean()[steps])).append(" +- ")
                    .append(Statistics.fmt(Statistics.stats(testDiff).se(steps))).append('\n');
            var series = new ArrayList<Series>();
            double[] x = ErmRuns.steps(steps + 1);
            series.add(new Series("DMFT m, b = 1 and " + name, Series.Kind.THEORY_LINE, x, theory1.m()));
            series.add(new Series("DMFT L_test, b = 1", Series.Kind.REFERENCE_DASHED, x, theory1.testLoss()));
            series.add(new Series("DMFT L_test, " + name, Series.Kind.THEORY_LINE, x, theoryB.testLoss()));
            for (int r = 0; r < runs; r++) {
                series.add(new Series("m, " + name + ", seed " + r, Series.Kind.SIMULATION_MARKERS, x, mB[r]));
            }
            figures.add(new Figure("m-" + SquareLossAgreement.figureId(name), name + " with kappa_b = 1/b: m(t) "
                    + "(one DMFT line for both b; markers: " + runs + " runs at d = " + d + ") and the test loss, which "
                    + "depends on b", "step t", "m, L_test", false, false, series));
        }
        var params = ExperimentResult.parameterMap();
        params.put("d", Integer.toString(d));
        params.put("instances (S)", Integer.toString(runs));
        params.put("steps T", Integer.toString(steps));
        params.put("checked steps", Arrays.toString(checked));
        params.put("problem", "alpha = 2, eta = 0.2, lambda = 0.1, sigma = 0.5, rho = 1, theta0 = 0, Sigma = I, "
                + "kappa_b = 1/b");
        params.put("false-failure probability per statistical check", Double.toString(ALPHA));
        params.put("seed", Long.toString(config.seed()));
        return new ExperimentResult(name(), checks, figures, params, notes.toString(), "a difference of "
                + Math.round(100 * resM) + " % of m(t) between batch fractions (in the DMFT; the paired simulation test resolves "
                + "about the same, see the notes), or an error of " + resLoss + " in the predicted effect of b on the "
                + "test loss");
    }
}
