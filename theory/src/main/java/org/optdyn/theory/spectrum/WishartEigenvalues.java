package org.optdyn.theory.spectrum;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Exact samples of the eigenvalues of a real Gaussian Wishart matrix {@code H = X^T X / n} ({@code X} of size
 * {@code n x d}, i.i.d. {@code N(0, sigma^2)} entries) without forming {@code H}: by the bidiagonal model of
 * Dumitriu and Edelman (J. Math. Phys. 43, 2002, Theorem 3.4, beta = 1), the nonzero eigenvalues of {@code G^T G}
 * for {@code G} of size {@code m x p}, {@code m >= p}, have the law of those of {@code B B^T} with {@code B} lower
 * bidiagonal, diagonal {@code chi_m, chi_{m-1}, ..., chi_{m-p+1}} and subdiagonal {@code chi_{p-1}, ..., chi_1}
 * (independent). {@code B B^T} is tridiagonal; its eigenvalues come from the {@code O(p^2)} QL iteration. For
 * {@code d > n} the {@code d - n} zero eigenvalues are added. Cost: {@code O(d)} variates (chi variates by
 * Marsaglia–Tsang gamma sampling) plus {@code O(min(d, n)^2)} for the eigenvalues.
 */
public final class WishartEigenvalues {

    private WishartEigenvalues() {
    }

    /**
     * @param d      dimension
     * @param n      number of rows of {@code X}
     * @param sigma2 entry variance
     * @param rng    the random stream
     * @return the {@code d} eigenvalues of {@code X^T X / n}, ascending
     */
    public static double[] sample(int d, int n, double sigma2, RandomGenerator rng) {
        if (d < 1 || n < 1) {
            throw new IllegalArgumentException("d and n must be >= 1, got d = " + d + ", n = " + n);
        }
        if (!(sigma2 > 0.0) || !Double.isFinite(sigma2)) {
            throw new IllegalArgumentException("sigma2 must be finite and > 0, got " + sigma2);
        }
        int p = Math.min(d, n);
        int m = Math.max(d, n);
        double[] b = new double[p];
        double[] c = new double[p];
        for (int i = 0; i < p; i++) {
            b[i] = Math.sqrt(chiSquare(m - i, rng));
            c[i] = i < p - 1 ? Math.sqrt(chiSquare(p - 1 - i, rng)) : 0.0;
        }
        double[] diag = new double[p];
        double[] off = new double[p];
        for (int i = 0; i < p; i++) {
            diag[i] = b[i] * b[i] + (i > 0 ? c[i - 1] * c[i - 1] : 0.0);
            off[i] = i < p - 1 ? b[i] * c[i] : 0.0;
        }
        GaussJacobi.tridiagonalEigenvalues(diag, off);
        double[] out = new double[d];
        double scale = sigma2 / n;
        for (int i = 0; i < p; i++) {
            out[d - p + i] = Math.max(0.0, diag[i] * scale);
        }
        Arrays.sort(out);
        return out;
    }

    /** {@code chi^2_k}: a sum of {@code k} squared normals for small {@code k}, else {@code 2 Gamma(k/2)}. */
    static double chiSquare(int k, RandomGenerator rng) {
        if (k <= 16) {
            double s = 0.0;
            for (int i = 0; i < k; i++) {
                double z = rng.nextGaussian();
                s += z * z;
            }
            return s;
        }
        return 2.0 * gamma(k / 2.0, rng);
    }

    /**
     * {@code Gamma(shape, 1)} for {@code shape >= 1} by the exact rejection method of Marsaglia and Tsang (ACM TOMS
     * 26, 2000): {@code d = shape - 1/3}, {@code c = 1/sqrt(9d)}, accept {@code d v} with {@code v = (1 + c z)^3}.
     */
    private static double gamma(double shape, RandomGenerator rng) {
        double dd = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * dd);
        while (true) {
            double z = rng.nextGaussian();
            double v = 1.0 + c * z;
            if (v <= 0.0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1.0 - 0.0331 * z * z * z * z || Math.log(u) < 0.5 * z * z + dd * (1.0 - v + Math.log(v))) {
                return dd * v;
            }
        }
    }
}
