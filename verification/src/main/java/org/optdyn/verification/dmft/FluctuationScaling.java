package org.optdyn.verification.dmft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * Run-to-run fluctuations of multi-pass ERM shrink as {@code d^-1/2} and the mean approaches the DMFT (dmft.md §5,
 * §7 D6, §8 step 5): GD and SGD {@code b = 0.3} on the §6 base case, {@code S} runs at each of four or five
 * dimensions.
 *
 * <p><b>Slope test, derived.</b> The test loss {@code L_test(T)} of one run is a smooth function of averages over
 * {@code d} coordinates and {@code n} samples, so it is close to Normal with standard deviation
 * {@code c d^-1/2 (1 + a/d + ...)}. For Normal values the log of the sample sd of {@code S} runs has variance
 * {@code 1/(2(S - 1))} to leading order, independently across dimensions, so the least-squares slope of
 * {@code ln s} against {@code ln d} is close to Normal with mean {@code -1/2 + bias} and standard error
 * {@code sqrt(1/(2(S - 1)) / Sxx)}, {@code Sxx = sum (ln d_i - mean)^2}. The bias from the {@code a/d} correction is
 * {@code a sum (ln d_i - mean)/d_i / Sxx}; with the same a-priori bound {@code |a| <= 2} as the mean's bias (dmft.md
 * D6's {@code sqrt(d) s} = 0.158, 0.163, 0.190, 0.143, 0.164 show no trend) it is added to the tolerance. The check
 * is {@code |slope + 1/2| <= z se + bias}, {@code z} the two-sided Normal quantile at the check's false-failure
 * probability.
 *
 * <p><b>Means.</b> At every dimension the mean of {@code L_test(T)} and {@code L_train(T)} is tested against the DMFT
 * as in {@link SquareLossAgreement} ({@code q se + 2/d}, Student-t(S - 1), Bonferroni over the dimensions); the gap is
 * drawn against {@code d} on log-log axes beside its standard error.
 */
final class FluctuationScaling implements Experiment {

    /** False-failure probability of each check (2 slope checks and 4 mean checks: 3e-4 in all). */
    private static final double ALPHA = 5e-5;
    private static final double BIAS = 2;

    @Override
    public String name() {
        return "dmft-fluctuations";
    }

    @Override
    public String claim() {
        return "Single runs of multi-pass GD and SGD on the square loss fluctuate around the DMFT by O(d^-1/2): the "
                + "standard deviation of the test loss over independent instances falls with slope -1/2 in d on log-log "
                + "axes, and the mean stays within Monte-Carlo error and O(1/d) of the DMFT at every dimension.";
    }

    @Override
    public String source() {
        return "[DMFT] Gerbelot et al. 2022 (seed 003); dmft.md §5 (fluctuations), §7 D6, §8 step 5";
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        int[] dims = full ? new int[] {250, 500, 1000, 2000, 4000} : new int[] {125, 250, 500, 1000};
        int runs = full ? 80 : 48;
        int steps = 20;
        // resolution: the tolerance z se + bias (0.28 test, 0.15 full) plus two standard errors of the slope, so a
        // shifted prediction fails whatever the draw, up to a 2.3 % chance
        double resSlope = full ? 0.25 : 0.45;
        double resMean = full ? 0.03 : 0.06;
        var base = ErmProblem.square(2, 0.1, 0.2, steps).withTeacher(1, 0.5);
        var cases = Map.of("GD", base, "SGD b = 0.3", base.withBatch(0.3, ErmProblem.BatchNorm.SUM));
        var checks = new ArrayList<Check>();
        var figures = new ArrayList<Figure>();
        var notes = new StringBuilder();
        double[] x = new double[dims.length];
        for (int i = 0; i < dims.length; i++) {
            x[i] = dims[i];
        }
        var slopeTest = Statistics.fluctuationSlope(dims, runs, BIAS, ALPHA);
        var sdSeries = new ArrayList<Series>();
        var gapSeries = new ArrayList<Series>();
        int stream = 0;
        for (String name : List.of("GD", "SGD b = 0.3")) {
            ErmProblem problem = cases.get(name);
            DmftSolution theory = SquareLossDmft.solve(problem).orElseThrow();
            double[] sd = new double[dims.length];
            double[] gap = new double[dims.length];
            double[] se = new double[dims.length];
            var finalTest = new double[dims.length][];
            var finalTrain = new double[dims.length][];
            for (int i = 0; i < dims.length; i++) {
                List<ErmTrajectory> sim = ErmRuns.simulate(problem, dims[i], config, stream++, runs, name());
                finalTest[i] = column(Observable.TEST.of(sim), steps);
                finalTrain[i] = column(Observable.TRAIN.of(sim), steps);
                sd[i] = Math.sqrt(Statistics.sampleVariance(finalTest[i]));
                double[] ms = Statistics.meanAndSe(finalTest[i]);
                gap[i] = Math.abs(ms[0] - theory.testLoss()[steps]);
                se[i] = ms[1];
            }
            double slope = Statistics.logLogSlope(x, sd);
            double predicted = config.predictedShifted(-0.5, resSlope);
            checks.add(slopeTest.check(name + ": |slope of ln sd(L_test(" + steps + ")) against ln d - (-1/2)|",
                    slope, predicted, "FluctuationScaling javadoc"));
            for (var obs : List.of(Observable.TEST, Observable.TRAIN)) {
                double[][] byDim = obs == Observable.TEST ? finalTest : finalTrain;
                double predictedValue = config.predicted(obs.of(theory)[steps], resMean);
                double[] prediction = new double[dims.length];
                double[] bias = new double[dims.length];
                for (int i = 0; i < dims.length; i++) {
                    prediction[i] = predictedValue;
                    bias[i] = BIAS / dims[i];
                }
                var test = Statistics.meanTest(byDimStats(byDim), prediction, bias, Statistics.range(0, dims.length),
                        ALPHA);
                checks.add(Check.atMost(name + ": max over d of |mean " + obs.label() + "(" + steps + ") - DMFT| / "
                                + "(q se + 2/d)", test.worst(), 1.0, "as in dmft-square-loss, at every dimension",
                        test.falseFailure()));
            }
            notes.append(name).append(": sd of L_test(").append(steps).append(") ")
                    .append(Arrays.toString(Arrays.stream(sd).mapToObj(Statistics::fmt).toArray()))
                    .append(", sqrt(d) sd ").append(Arrays.toString(java.util.stream.IntStream.range(0, dims.length)
                            .mapToObj(i -> Statistics.fmt(Math.sqrt(dims[i]) * sd[i])).toArray()))
                    .append(", fitted slope ").append(Statistics.fmt(slope)).append(" (tolerance +- ")
                    .append(Statistics.fmt(slopeTest.tolerance())).append("); |mean - DMFT| ")
                    .append(Arrays.toString(Arrays.stream(gap).mapToObj(Statistics::fmt).toArray())).append('\n');
            sdSeries.add(new Series(name, Series.Kind.SIMULATION_MARKERS, x, sd));
            gapSeries.add(new Series(name + ": |mean - DMFT|", Series.Kind.SIMULATION_MARKERS, x, gap));
            gapSeries.add(new Series(name + ": standard error", Series.Kind.REFERENCE_DASHED, x, se));
        }
        double[] bound = new double[dims.length];
        for (int i = 0; i < dims.length; i++) {
            bound[i] = BIAS / dims[i];
        }
        gapSeries.add(new Series("bias allowance 2/d", Series.Kind.THEORY_LINE, x, bound));
        figures.add(Figure.scaling("fluctuation", "Standard deviation of L_test(" + steps + ") over " + runs
                + " runs against d", "d", "sd of L_test", -0.5, "d^-1/2", sdSeries));
        figures.add(new Figure("gap", "|mean L_test(" + steps + ") - DMFT| against d, with its standard error and the "
                + "bias allowance", "d", "gap", true, true, gapSeries));
        var params = ExperimentResult.parameterMap();
        params.put("dimensions", Arrays.toString(dims));
        params.put("runs per dimension (S)", Integer.toString(runs));
        params.put("steps T", Integer.toString(steps));
        params.put("base case", "alpha = 2, eta = 0.2, lambda = 0.1, sigma = 0.5, rho = 1, theta0 = 0, Sigma = I, "
                + "kappa_b = 1 (dmft.md §6)");
        params.put("false-failure probability per check", Double.toString(ALPHA));
        params.put("seed", Long.toString(config.seed()));
        return new ExperimentResult(name(), checks, figures, params, notes.toString(), "an error of "
                + resSlope + " in the fluctuation exponent -1/2, or a " + Math.round(100 * resMean)
                + " % relative error in the predicted final losses");
    }

    private static double[] column(double[][] v, int t) {
        double[] c = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            c[i] = v[i][t];
        }
        return c;
    }

    /** Stats whose "grid" is the dimension: {@code byDim[dim][run]} transposed to {@code [run][dim]}. */
    private static Statistics.Stats byDimStats(double[][] byDim) {
        int runs = byDim[0].length;
        double[][] v = new double[runs][byDim.length];
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < byDim.length; i++) {
                v[r][i] = byDim[i][r];
            }
        }
        return Statistics.stats(v);
    }
}
