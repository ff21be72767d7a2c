package org.optdyn.verification.adam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.optdyn.engine.optim.Adam;
import org.optdyn.engine.optim.DoubleUpdateRule;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.rotation.DenseRotation;
import org.optdyn.engine.rotation.RotatedBasis;
import org.optdyn.engine.rotation.Rotation;
import org.optdyn.engine.rotation.TwoSidedRotation;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;
import org.optdyn.verification.experiment.Statistics;

/**
 * adam-rotation.md E2: a structured rotation helps Adam, a random one does not. On
 * {@code L(W) = 1/2 tr((W - W*)^T H_L (W - W*) H_R)}, {@code 8 x 8}, {@code H_L = U_L diag(l) U_L^T},
 * {@code H_R = U_R diag(l) U_R^T}, {@code l} log-spaced in {@code [1, 10]}, Haar {@code U_L, U_R},
 * {@code W* ~ N(0, 1)}, {@code W_0 = 0}, Adam ({@code alpha = 1e-2}) runs 1000 steps in three bases: the original
 * (dense Hessian {@code H_R (x) H_L}), the eigen-aligned two-sided rotation {@code W~ = U_L^T W U_R} (the Hessian
 * becomes diagonal; an oracle basis, Shampoo/SOAP-like, not the paper's SVD rotation) and a random two-sided Haar
 * rotation. Over {@code S} independent instances the experiment tests, one-sided ({@link LogGap}), that the
 * eigen-aligned basis ends lower than the original and than the random basis on average in log10 (the spec's
 * instance: 4.3e-10 against 6.1e-3 and 4.8e-3).
 */
final class EigenAlignedBasis implements Experiment {

    static final int N = 8;
    static final int STEPS = 1000;
    private static final double LR = 1e-2;
    private static final double ALPHA = 1e-4;

    @Override
    public String name() {
        return "adam-rotation-e2";
    }

    @Override
    public String claim() {
        return "On a Kronecker-factored quadratic, Adam in the eigen-aligned two-sided basis (where the Hessian is "
                + "diagonal) ends orders of magnitude lower than in the original basis or in a random two-sided Haar "
                + "basis.";
    }

    @Override
    public String source() {
        return "[ADAMROT] Zhang, Maes et al. (seed 004); adam-rotation.md §2 fact 5, §5 E2";
    }

    /** One instance: the Hessian factors and the target. */
    record Instance(DenseRotation left, DenseRotation right, double[] hl, double[] hr, double[] target) {

        static Instance draw(RandomGenerator g) {
            double[] l = new double[N];
            for (int i = 0; i < N; i++) {
                l[i] = Math.pow(10, (double) i / (N - 1));
            }
            DenseRotation ul = DenseRotation.haar(N, g);
            DenseRotation ur = DenseRotation.haar(N, g);
            double[] target = new double[N * N];
            for (int i = 0; i < target.length; i++) {
                target[i] = g.nextGaussian();
            }
            return new Instance(ul, ur, factor(ul.matrix(), l), factor(ur.matrix(), l), target);
        }

        /** {@code U diag(l) U^T}. */
        private static double[] factor(double[] u, double[] l) {
            double[] h = new double[N * N];
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    double s = 0;
                    for (int k = 0; k < N; k++) {
                        s += u[i * N + k] * l[k] * u[j * N + k];
                    }
                    h[i * N + j] = s;
                }
            }
            return h;
        }

        /** @return {@code H_L E H_R}, {@code E = W - W*} */
        double[] gradient(double[] w, double[] g) {
            double[] e = new double[N * N];
            for (int i = 0; i < e.length; i++) {
                e[i] = w[i] - target[i];
            }
            double[] t = mul(hl, e);
            double[] out = mul(t, hr);
            System.arraycopy(out, 0, g, 0, g.length);
            return e;
        }

        double loss(double[] w) {
            double[] g = new double[N * N];
            double[] e = gradient(w, g);
            double s = 0;
            for (int i = 0; i < e.length; i++) {
                s += 0.5 * e[i] * g[i];
            }
            return s;
        }

        private static double[] mul(double[] a, double[] b) {
            double[] c = new double[N * N];
            for (int i = 0; i < N; i++) {
                for (int k = 0; k < N; k++) {
                    for (int j = 0; j < N; j++) {
                        c[i * N + j] += a[i * N + k] * b[k * N + j];
                    }
                }
            }
            return c;
        }

        double[] run(DoubleUpdateRule rule) {
            double[] w = new double[N * N];
            double[] g = new double[N * N];
            double[] out = new double[STEPS + 1];
            out[0] = loss(w);
            for (int t = 1; t <= STEPS; t++) {
                gradient(w, g);
                rule.step(w, g, LR);
                out[t] = loss(w);
            }
            return out;
        }
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        int instances = full ? 100 : 30;
        var streams = new RandomStreams(config.seed());
        String[] bases = {"original", "eigen-aligned", "random two-sided Haar"};
        double[][][] curves = new double[instances][3][];
        double[][] finalLog = new double[3][instances];
        for (int s = 0; s < instances; s++) {
            RandomGenerator g = streams.general(s);
            Instance inst = Instance.draw(g);
            Rotation[] rotation = {Rotation.identity(N * N), new TwoSidedRotation(inst.left(), inst.right()),
                    new TwoSidedRotation(DenseRotation.haar(N, g), DenseRotation.haar(N, g))};
            for (int b = 0; b < 3; b++) {
                curves[s][b] = inst.run(new RotatedBasis(rotation[b], Adam.withDefaults(N * N)));
                finalLog[b][s] = Math.log10(curves[s][b][STEPS]);
            }
        }
        var checks = new ArrayList<Check>();
        // sabotage: the eigen-aligned basis must win by 12 decades, more than it does (about 7 decades)
        double threshold = config.predictedShifted(0, 12);
        for (int b : new int[] {0, 2}) {
            double[] gap = new double[instances];
            for (int s = 0; s < instances; s++) {
                gap[s] = finalLog[b][s] - finalLog[1][s];
            }
            checks.add(LogGap.check("log10 L_" + bases[b] + "(1000) - log10 L_eigen-aligned(1000)", gap, threshold,
                    ALPHA, instances + " independent instances, one-sided test of E gap > 0"));
        }
        var notes = new StringBuilder();
        for (int b = 0; b < 3; b++) {
            double[] sorted = finalLog[b].clone();
            Arrays.sort(sorted);
            notes.append(bases[b]).append(": L(1000) median ").append(Statistics.fmt(Math.pow(10, sorted[instances / 2])))
                    .append(" (min ").append(Statistics.fmt(Math.pow(10, sorted[0]))).append(", max ")
                    .append(Statistics.fmt(Math.pow(10, sorted[instances - 1]))).append(")\n");
        }
        var params = ExperimentResult.parameterMap();
        params.put("problem", "8 x 8, l log-spaced in [1, 10], Haar U_L, U_R, W* ~ N(0, 1), W_0 = 0");
        params.put("Adam", "alpha = 1e-2, beta = (0.9, 0.999), eps = 1e-8, 1000 steps");
        params.put("instances", Integer.toString(instances));
        params.put("false-failure probability per check", Double.toString(ALPHA));
        params.put("seed", Long.toString(config.seed()));
        return new ExperimentResult(name(), checks, List.of(figure(curves, bases)), params, notes.toString(),
                "an error of 12 decades in the predicted advantage of the eigen-aligned basis (a qualitative claim "
                        + "detects errors of its own size)");
    }

    private static Figure figure(double[][][] curves, String[] bases) {
        String[] labels = new String[bases.length];
        for (int b = 0; b < bases.length; b++) {
            labels[b] = bases[b] + " basis";
        }
        return lossFigure(curves, labels, "Adam's loss per basis on the Kronecker quadratic (median over instances)");
    }

    /**
     * The loss curves of several bases, each the median over instances at 41 steps; the second basis (the
     * eigen-aligned one) drawn as the line.
     *
     * @param curves {@code [instance][basis][step]}
     */
    static Figure lossFigure(double[][][] curves, String[] labels, String title) {
        int points = 41;
        double[] t = new double[points];
        var series = new ArrayList<Series>();
        for (int b = 0; b < labels.length; b++) {
            double[] med = new double[points];
            for (int p = 0; p < points; p++) {
                int step = p * STEPS / (points - 1);
                t[p] = step;
                double[] col = new double[curves.length];
                for (int s = 0; s < curves.length; s++) {
                    col[s] = curves[s][b][step];
                }
                Arrays.sort(col);
                med[p] = col[col.length / 2];
            }
            series.add(new Series("Adam, " + labels[b] + ": median over instances",
                    b == 1 ? Series.Kind.THEORY_LINE : Series.Kind.SIMULATION_MARKERS, t.clone(), med));
        }
        return new Figure("loss", title, "step", "L", false, true, series);
    }
}
