package org.optdyn.verification.adam;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.rotation.DenseRotation;
import org.optdyn.engine.rotation.Orthogonality;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.FalseFailure;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;
import org.optdyn.verification.experiment.Statistics;

/**
 * adam-rotation.md §4, checks A7, A9–A11: the values of the update-orthogonality indicator
 * {@code CV = sigma_s / mu_s} of the singular values and {@code O = 1/sqrt(1 + CV^2) = |A|_* / (sqrt(r) |A|_F)}.
 *
 * <p>Exact cases (deterministic): a scaled semi-orthogonal {@code 64 x 128} matrix ({@code CV = 0}), a rank-one
 * {@code 64 x 32} matrix ({@code CV = sqrt(31)}), {@code k = 4} equal non-zero singular values of {@code r = 10}
 * ({@code CV = sqrt(r/k - 1) = sqrt(1.5)}) and singular values {@code 1, 2, 3, 4} ({@code CV = 1/sqrt(5)}), each
 * built as {@code U diag(s) V^T} with Haar factors. Tolerance: the computed singular values are those of
 * {@code A + E}; the construction (two products of length {@code <= n}) and one-sided Jacobi (at most 60 sweeps of
 * plane rotations, each backward stable to {@code ~6u} per column pair, {@code n - 1} pairs per column and sweep)
 * give {@code |E|_F <= (2 gamma_n sqrt(n) + 360 n u) |A|_F =: delta}; by Weyl every singular value moves by at most
 * {@code delta}, so the mean by at most {@code delta}, the population sd by at most {@code delta}, and
 * {@code |CV^ - CV| <= (1 + CV) delta / (mu - delta)}.
 *
 * <p>Gaussian limit (A10): for {@code Z} square {@code n x n} with i.i.d. {@code N(0, 1)} entries the singular values of
 * {@code Z/sqrt(n)} follow the quarter circle, {@code E s = 8/(3 pi)}, {@code E s^2 = 1}, so {@code O -> 8/(3 pi)}
 * and {@code CV -> sqrt(9 pi^2/64 - 1)}. Finite-n error: the mean of {@code O_n} over draws has Monte-Carlo error
 * (per-n standard error) and a bias; linear eigenvalue statistics of real (beta = 1) ensembles have the expansion
 * {@code E O_n = O_inf + a/n + b/n^2 + O(n^-3)}, so {@code O_inf} is the intercept of a weighted least-squares fit of
 * {@code c + a/n + b/n^2} to the per-n means (weights 1/se^2). Checked: the intercept against {@code 8/(3 pi)} within
 * the Student-t quantile times its standard error, and the fit's residual chi-square (the stated expansion) within its
 * chi-square quantile.
 */
final class OrthogonalityIndicator implements Experiment {

    private static final double U = 0x1p-53;
    private static final double LIMIT = 8 / (3 * Math.PI);
    private static final double CV_LIMIT = Math.sqrt(9 * Math.PI * Math.PI / 64 - 1);
    private static final double ALPHA = 1e-4;
    /** Sabotage of the limit 8/(3 pi), relative. */
    private static final double LIMIT_ERROR = 5e-3;
    /** Sabotage of the exact cases, relative. */
    private static final double EXACT_ERROR = 1e-6;

    @Override
    public String name() {
        return "adam-orthogonality-indicator";
    }

    @Override
    public String claim() {
        return "The orthogonality indicator CV (O = 1/sqrt(1 + CV^2)) takes its exact values on semi-orthogonal, "
                + "rank-one and equal-singular-value matrices, and for square Gaussian matrices O tends to 8/(3 pi) "
                + "with an O(1/n) finite-size bias.";
    }

    @Override
    public String source() {
        return "[ADAMROT] Zhang, Maes et al. (seed 004), §4.2, App. C.4; adam-rotation.md §4, §6 A7, A9-A11";
    }

    /** @return the row-major {@code m x n} matrix {@code U diag(s) V^T}, Haar {@code U, V}, {@code s} zero-padded */
    static double[] withSingularValues(int m, int n, double[] s, RandomGenerator g) {
        double[] u = DenseRotation.haarMatrix(m, g);
        double[] v = DenseRotation.haarMatrix(n, g);
        double[] a = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < s.length; k++) {
                    sum += u[i * m + k] * s[k] * v[j * n + k];
                }
                a[i * n + j] = sum;
            }
        }
        return a;
    }

    /** The deterministic tolerance of the class comment, for an {@code m x n} case with these singular values. */
    static double exactTolerance(int m, int n, double[] s, double cv) {
        int big = Math.max(m, n);
        int r = Math.min(m, n);
        double gamma = big * U / (1 - big * U);
        double fro = 0;
        double mean = 0;
        for (double x : s) {
            fro += x * x;
            mean += x / r;
        }
        double delta = (2 * gamma * Math.sqrt(big) + 360.0 * big * U) * Math.sqrt(fro);
        return (1 + cv) * delta / (mean - delta);
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        var streams = new RandomStreams(config.seed());
        var checks = new ArrayList<Check>();
        var notes = new StringBuilder();
        // exact cases: {m, n}, singular values, exact CV
        String[] names = {"3 x semi-orthogonal 64 x 128", "rank one 64 x 32", "4 equal of r = 10 (10 x 10)",
                "singular values 1, 2, 3, 4 (4 x 4)"};
        int[][] shapes = {{64, 128}, {64, 32}, {10, 10}, {4, 4}};
        double[][] values = {filled(64, 3), {7.5}, {2, 2, 2, 2}, {1, 2, 3, 4}};
        double[] exactCv = {0, Math.sqrt(31), Math.sqrt(1.5), 1 / Math.sqrt(5)};
        for (int c = 0; c < names.length; c++) {
            int m = shapes[c][0];
            int n = shapes[c][1];
            double[] a = withSingularValues(m, n, values[c], streams.general(10 + c));
            Orthogonality o = Orthogonality.of(a, m, n);
            double tol = exactTolerance(m, n, values[c], exactCv[c]);
            double predicted = config.predicted(exactCv[c], EXACT_ERROR);
            checks.add(Check.atMost("CV of " + names[c] + ": |CV - " + Statistics.fmt(exactCv[c]) + "|",
                    Math.abs(o.cv() - predicted), tol,
                    "exact value sqrt(r/k - 1) for k equal non-zero singular values of r (A11), 1/sqrt(5) for 1..4 (A9)",
                    FalseFailure.deterministic("Weyl: |CV^ - CV| <= (1 + CV) delta / (mu - delta), "
                            + "delta = (2 gamma_n sqrt(n) + 360 n u) |A|_F (construction and one-sided Jacobi, <= 60 "
                            + "sweeps)")));
            notes.append(names[c]).append(": CV ").append(Statistics.fmt(o.cv())).append(" (exact ")
                    .append(Statistics.fmt(exactCv[c])).append("), O ").append(Statistics.fmt(o.o())).append(" (exact ")
                    .append(Statistics.fmt(1 / Math.sqrt(1 + exactCv[c] * exactCv[c]))).append(")\n");
        }
        // Gaussian limit
        int[] ns = full ? new int[] {12, 16, 24, 32, 48, 64, 96, 128, 192, 256}
                : new int[] {12, 16, 24, 32, 48, 64};
        int[] draws = full ? new int[] {20000, 12000, 6000, 4000, 2000, 1200, 600, 400, 200, 120}
                : new int[] {1500, 1000, 600, 400, 200, 120};
        int k = ns.length;
        double[] mean = new double[k];
        double[] se = new double[k];
        double[] cvMean = new double[k];
        int minDraws = Integer.MAX_VALUE;
        for (int j = 0; j < k; j++) {
            int n = ns[j];
            RandomGenerator g = streams.general(100 + j);
            double[] os = new double[draws[j]];
            double cvSum = 0;
            double[] z = new double[n * n];
            for (int r = 0; r < draws[j]; r++) {
                for (int i = 0; i < z.length; i++) {
                    z[i] = g.nextGaussian();
                }
                Orthogonality o = Orthogonality.of(z, n, n);
                os[r] = o.o();
                cvSum += o.cv();
            }
            double[] ms = Statistics.meanAndSe(os);
            mean[j] = ms[0];
            se[j] = ms[1];
            cvMean[j] = cvSum / draws[j];
            minDraws = Math.min(minDraws, draws[j]);
        }
        double[] fit = fit(ns, mean, se);
        double c0 = fit[0];
        double seC = fit[3];
        double chi2 = fit[4];
        int dof = k - 3;
        double predictedLimit = config.predicted(LIMIT, LIMIT_ERROR);
        double q = Statistics.studentQuantile(minDraws - 1, ALPHA);
        checks.add(Check.atMost("Gaussian n x n: |O_inf (fit c + a/n + b/n^2) - 8/(3 pi)| / se", Math.abs(c0
                        - predictedLimit) / seC, q,
                "quarter-circle law: E s = 8/(3 pi), E s^2 = 1 (A10); fitted O_inf = " + Statistics.fmt(c0) + " +- "
                        + Statistics.fmt(seC) + ", a = " + Statistics.fmt(fit[1]) + ", b = " + Statistics.fmt(fit[2])
                        + " over n = " + java.util.Arrays.toString(ns),
                FalseFailure.probability(ALPHA, "two-sided Student-t(" + (minDraws - 1) + ") quantile "
                        + Statistics.fmt(q) + " (the fewest draws of any n; the per-n means are sums of i.i.d. "
                        + "bounded O_n, close to Normal); model error O(n^-3) at n >= " + ns[0]
                        + " is checked by the residual chi-square")));
        double chiQ = new ChiSquaredDistribution(dof).inverseCumulativeProbability(1 - ALPHA);
        checks.add(Check.atMost("Gaussian n x n: residual chi-square of the fit c + a/n + b/n^2 (" + dof + " dof)", chi2,
                chiQ, "the stated finite-n expansion E O_n = O_inf + a/n + b/n^2 + O(n^-3)",
                FalseFailure.probability(ALPHA, "chi-square(" + dof + ") upper quantile " + Statistics.fmt(chiQ)
                        + " at " + ALPHA + ", per-n means Normal with their sample standard errors")));
        for (int j = 0; j < k; j++) {
            notes.append("n = ").append(ns[j]).append(": mean O ").append(Statistics.fmt(mean[j])).append(" +- ")
                    .append(Statistics.fmt(se[j])).append(" (").append(draws[j]).append(" draws), n (O - 8/(3 pi)) = ")
                    .append(Statistics.fmt(ns[j] * (mean[j] - LIMIT))).append(", mean CV ")
                    .append(Statistics.fmt(cvMean[j])).append('\n');
        }
        notes.append("fit: O_inf = ").append(Statistics.fmt(c0)).append(" +- ").append(Statistics.fmt(seC))
                .append(" (8/(3 pi) = ").append(Statistics.fmt(LIMIT)).append("), a = ").append(Statistics.fmt(fit[1]))
                .append(", b = ").append(Statistics.fmt(fit[2])).append(", chi2 = ").append(Statistics.fmt(chi2))
                .append(" on ").append(dof).append(" dof; CV limit sqrt(9 pi^2/64 - 1) = ")
                .append(Statistics.fmt(CV_LIMIT)).append('\n');
        var params = ExperimentResult.parameterMap();
        params.put("exact cases", "U diag(s) V^T with Haar U, V; singular values from one-sided Jacobi");
        params.put("Gaussian sizes n", java.util.Arrays.toString(ns));
        params.put("draws per n", java.util.Arrays.toString(draws));
        params.put("false-failure probability per statistical check", Double.toString(ALPHA));
        params.put("seed", Long.toString(config.seed()));
        return new ExperimentResult(name(), checks, List.of(figure(ns, mean, se, fit)), params, notes.toString(),
                "a relative error of 1e-6 in the exact CV values (tolerances 1e-12 to 1e-9), of 5e-3 in the limit "
                        + "8/(3 pi) at test size (the fitted intercept's standard error is about 6e-4, the band 4 se ~ 2.5e-3)");
    }

    private static double[] filled(int n, double v) {
        double[] s = new double[n];
        java.util.Arrays.fill(s, v);
        return s;
    }

    /**
     * Weighted least squares of {@code c + a/n + b/n^2}, weights {@code 1/se^2}.
     *
     * @return {@code {c, a, b, se(c), chi2}}
     */
    static double[] fit(int[] ns, double[] y, double[] se) {
        double[][] m = new double[3][3];
        double[] rhs = new double[3];
        for (int j = 0; j < ns.length; j++) {
            double x = 1.0 / ns[j];
            double[] row = {1, x, x * x};
            double w = 1 / (se[j] * se[j]);
            for (int p = 0; p < 3; p++) {
                rhs[p] += w * row[p] * y[j];
                for (int r = 0; r < 3; r++) {
                    m[p][r] += w * row[p] * row[r];
                }
            }
        }
        double[][] inv = invert3(m);
        double[] beta = new double[3];
        for (int p = 0; p < 3; p++) {
            for (int r = 0; r < 3; r++) {
                beta[p] += inv[p][r] * rhs[r];
            }
        }
        double chi2 = 0;
        for (int j = 0; j < ns.length; j++) {
            double x = 1.0 / ns[j];
            double res = (y[j] - beta[0] - beta[1] * x - beta[2] * x * x) / se[j];
            chi2 += res * res;
        }
        return new double[] {beta[0], beta[1], beta[2], Math.sqrt(inv[0][0]), chi2};
    }

    private static double[][] invert3(double[][] a) {
        double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int i1 = (j + 1) % 3;
                int i2 = (j + 2) % 3;
                int j1 = (i + 1) % 3;
                int j2 = (i + 2) % 3;
                c[i][j] = (a[i1][j1] * a[i2][j2] - a[i1][j2] * a[i2][j1]) / det;
            }
        }
        return c;
    }

    private static Figure figure(int[] ns, double[] mean, double[] se, double[] fit) {
        int k = ns.length;
        double[] x = new double[k];
        double[] lo = new double[k];
        double[] hi = new double[k];
        double[] fitted = new double[k];
        for (int j = 0; j < k; j++) {
            x[j] = ns[j];
            lo[j] = mean[j] - 2 * se[j];
            hi[j] = mean[j] + 2 * se[j];
            double inv = 1.0 / ns[j];
            fitted[j] = fit[0] + fit[1] * inv + fit[2] * inv * inv;
        }
        var series = List.of(
                new Series("mean O over draws", Series.Kind.SIMULATION_MARKERS, x, mean),
                new Series("mean - 2 se", Series.Kind.SIMULATION_MARKERS, x, lo),
                new Series("mean + 2 se", Series.Kind.SIMULATION_MARKERS, x, hi),
                new Series("fit O_inf + a/n + b/n^2", Series.Kind.THEORY_LINE, x, fitted),
                new Series("limit 8/(3 pi) = 0.8488264", Series.Kind.REFERENCE_DASHED, x, Statistics.constant(k, LIMIT)));
        return new Figure("gaussian-limit", "O = |Z|_* / (sqrt(n) |Z|_F) of square Gaussian n x n matrices against n, "
                + "with the quarter-circle limit 8/(3 pi)", "n", "O", true, false, series);
    }
}
