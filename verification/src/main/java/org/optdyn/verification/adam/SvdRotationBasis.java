package org.optdyn.verification.adam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.optdyn.engine.optim.Adam;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.rotation.DenseRotation;
import org.optdyn.engine.rotation.Orthogonality;
import org.optdyn.engine.rotation.ParameterLayout;
import org.optdyn.engine.rotation.RotatedBasis;
import org.optdyn.engine.rotation.Rotation;
import org.optdyn.engine.rotation.SvdAlignedAdam;
import org.optdyn.engine.rotation.TwoSidedRotation;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;
import org.optdyn.verification.experiment.Statistics;

/**
 * adam-rotation.md E2′: the paper's SVD rotation ({@link SvdAlignedAdam}, §3) on E2's Kronecker quadratic
 * ({@link EigenAlignedBasis}, the same instances for the same seed), refreshed every {@code f in {1, 10, 50, 250}}
 * steps with the moments carried over. The spec lets one assert only that refreshing at every step ends above
 * {@code f = 250}: over {@code S} instances a one-sided Student-t test ({@link LogGap}) of
 * {@code E[log10 L_{f=1}(1000) - log10 L_{f=250}(1000)] > 0}. Reported: the losses per {@code f} against the spec's
 * instance, and the mean {@code CV} of the update direction ({@link Orthogonality}, adam-rotation.md §4) per basis
 * against the final loss, the paper's "orthogonality against slowdown" plot on this toy.
 */
final class SvdRotationBasis implements Experiment {

    private static final int N = EigenAlignedBasis.N;
    private static final int STEPS = EigenAlignedBasis.STEPS;
    private static final double LR = 1e-2;
    private static final double ALPHA = 1e-4;
    private static final int[] PERIODS = {1, 10, 50, 250};
    /** The spec's losses at step 1000 for f = 1, 10, 50, 250 (its E2 instance). */
    private static final double[] SPEC = {5.6, 0.11, 4.6e-2, 5.0e-3};
    /** CV is averaged over the steps 10, 20, ..., 1000. */
    private static final int CV_EVERY = 10;

    @Override
    public String name() {
        return "adam-rotation-svd";
    }

    @Override
    public String claim() {
        return "On E2's Kronecker-factored quadratic, Adam in the paper's gradient-SVD basis refreshed at every step "
                + "(moments carried over) ends above the same rotation refreshed every 250 steps.";
    }

    @Override
    public String source() {
        return "[ADAMROT] Zhang, Maes et al. (seed 004) §3.2, Alg. 5; adam-rotation.md §3, §4, §5 E2′";
    }

    /** One run: the loss curve and the mean CV of the update direction over the step grid. */
    private record Run(double[] loss, double meanCv) {
    }

    private static Run run(EigenAlignedBasis.Instance inst, SvdAlignedAdam svd, RotatedBasis rotated) {
        double[] w = new double[N * N];
        double[] g = new double[N * N];
        double[] a = new double[N * N];
        double[] loss = new double[STEPS + 1];
        loss[0] = inst.loss(w);
        double cvSum = 0;
        int cvCount = 0;
        for (int t = 1; t <= STEPS; t++) {
            inst.gradient(w, g);
            if (svd != null) {
                svd.step(w, g, LR);
            } else {
                rotated.step(w, g, LR);
            }
            loss[t] = inst.loss(w);
            if (t % CV_EVERY == 0) {
                if (svd != null) {
                    svd.direction(a);
                } else {
                    rotated.direction(a);
                }
                double cv = Orthogonality.of(a, N, N).cv();
                if (Double.isFinite(cv)) {
                    cvSum += cv;
                    cvCount++;
                }
            }
        }
        return new Run(loss, cvCount == 0 ? Double.NaN : cvSum / cvCount);
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        int instances = full ? 100 : 10;
        var streams = new RandomStreams(config.seed());
        var layout = ParameterLayout.of(new ParameterLayout.Matrix("W", N, N));
        String[] bases = {"original", "eigen-aligned", "random two-sided Haar", "SVD f = 1", "SVD f = 10",
                "SVD f = 50", "SVD f = 250"};
        int nb = bases.length;
        double[][][] curves = new double[instances][nb][];
        double[][] finalLog = new double[nb][instances];
        double[][] cv = new double[nb][instances];
        for (int s = 0; s < instances; s++) {
            // the same stream and draw order as EigenAlignedBasis: instance s is E2's instance s
            RandomGenerator g = streams.general(s);
            EigenAlignedBasis.Instance inst = EigenAlignedBasis.Instance.draw(g);
            Rotation[] rotation = {Rotation.identity(N * N), new TwoSidedRotation(inst.left(), inst.right()),
                    new TwoSidedRotation(DenseRotation.haar(N, g), DenseRotation.haar(N, g))};
            for (int b = 0; b < nb; b++) {
                Run r = b < 3 ? run(inst, null, new RotatedBasis(rotation[b], Adam.withDefaults(N * N)))
                        : run(inst, new SvdAlignedAdam(layout, Adam.Config.DEFAULT, PERIODS[b - 3]), null);
                curves[s][b] = r.loss();
                finalLog[b][s] = Math.log10(r.loss()[STEPS]);
                cv[b][s] = r.meanCv();
            }
        }
        var checks = new ArrayList<Check>();
        // sabotage: f = 1 must end 12 decades above f = 250, far more than it does (about 2-3 decades)
        double threshold = config.predictedShifted(0, 12);
        double[] gap = new double[instances];
        for (int s = 0; s < instances; s++) {
            gap[s] = finalLog[3][s] - finalLog[6][s];
        }
        checks.add(LogGap.check("log10 L_SVD,f=1(1000) - log10 L_SVD,f=250(1000)", gap, threshold, ALPHA,
                instances + " independent E2 instances, one-sided test of E gap > 0"));
        var notes = new StringBuilder();
        notes.append("L(1000) per basis (median, min, max over instances; instance 0 of this seed; the spec's value "
                + "is for its own E2 instance, a different draw):\n");
        double[] medianCv = new double[nb];
        double[] medianLoss = new double[nb];
        for (int b = 0; b < nb; b++) {
            double[] sorted = finalLog[b].clone();
            Arrays.sort(sorted);
            double[] cvSorted = cv[b].clone();
            Arrays.sort(cvSorted);
            medianLoss[b] = Math.pow(10, sorted[instances / 2]);
            medianCv[b] = cvSorted[instances / 2];
            notes.append(bases[b]).append(": median ").append(Statistics.fmt(medianLoss[b]))
                    .append(" (min ").append(Statistics.fmt(Math.pow(10, sorted[0]))).append(", max ")
                    .append(Statistics.fmt(Math.pow(10, sorted[instances - 1]))).append("), instance 0 ")
                    .append(Statistics.fmt(Math.pow(10, finalLog[b][0])));
            if (b >= 3) {
                notes.append(", spec ").append(Statistics.fmt(SPEC[b - 3]));
            }
            notes.append("; mean CV of the update direction: mean over instances ")
                    .append(Statistics.fmt(Statistics.meanAndSe(cv[b])[0])).append(" (median ")
                    .append(Statistics.fmt(medianCv[b])).append(")\n");
        }
        int f1AboveOne = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int s = 0; s < instances; s++) {
            if (finalLog[3][s] > 0) {
                f1AboveOne++;
            }
            double ratio = Math.pow(10, finalLog[6][s] - finalLog[0][s]);
            lo = Math.min(lo, ratio);
            hi = Math.max(hi, ratio);
        }
        notes.append("L_SVD,f=250 / L_original at step 1000: ").append(Statistics.fmt(lo)).append(" to ")
                .append(Statistics.fmt(hi)).append(" (spec, 5 instances: 0.14 to 75); f = 1 ended above 1 in ")
                .append(f1AboveOne).append(" of ").append(instances).append(" instances (spec: always)\n");
        var params = ExperimentResult.parameterMap();
        params.put("problem", "E2: 8 x 8, l log-spaced in [1, 10], Haar U_L, U_R, W* ~ N(0, 1), W_0 = 0");
        params.put("Adam", "alpha = 1e-2, beta = (0.9, 0.999), eps = 1e-8, 1000 steps");
        params.put("SVD rotation", "full SVD of the gradient (one-sided Jacobi, engine.linalg) at t = 1 and t mod f = 0, "
                + "f in {1, 10, 50, 250}, moments carried over unchanged");
        params.put("CV", "update direction m/(sqrt(v)+eps) (uncorrected moments) rotated back, mean over steps 10, 20, "
                + "..., 1000");
        params.put("instances", Integer.toString(instances));
        params.put("false-failure probability per check", Double.toString(ALPHA));
        params.put("seed", Long.toString(config.seed()));
        return new ExperimentResult(name(), checks, List.of(scatter(bases, medianCv, medianLoss), curves(curves, bases)),
                params, notes.toString(),
                "an error of 12 decades in the predicted gap between f = 1 and f = 250 (a qualitative claim detects "
                        + "errors of its own size)");
    }

    /** The "orthogonality against slowdown" plot: one marker per basis at (median mean CV, median L(1000)). */
    private static Figure scatter(String[] bases, double[] medianCv, double[] medianLoss) {
        var series = new ArrayList<Series>();
        for (int b = 0; b < bases.length; b++) {
            series.add(new Series(bases[b], Series.Kind.SIMULATION_MARKERS, new double[] {medianCv[b]},
                    new double[] {medianLoss[b]}));
        }
        return new Figure("orthogonality-vs-loss", "Orthogonality against slowdown: median over instances of the mean "
                + "update CV and of L(1000), one marker per basis", "mean CV of the update direction", "L(1000)",
                false, true, series);
    }

    private static Figure curves(double[][][] curves, String[] bases) {
        return EigenAlignedBasis.lossFigure(curves, bases, "Adam's loss per basis on the Kronecker quadratic, SVD bases "
                + "per refresh period (median over instances)");
    }
}
