package org.optdyn.engine.quadratic;

import java.util.Objects;
import org.optdyn.engine.rotation.DenseRotation;
import java.util.random.RandomGenerator;

import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;

/**
 * Random quadratic problems (docs/theory/average-case.md, sections 3.1, 3.2 and 9.1): Wishart Hessians
 * {@code H = X^T X / n}, Hessians with a prescribed spectrum {@code H = Q^T diag(lambda) Q} with {@code Q} Haar
 * distributed, and isotropic minimizers {@code x* ~ N(0, (R^2/d) I)}. Every method draws from the generator it is
 * given; callers split one seeded {@link java.util.random.RandomGenerator.SplittableGenerator} per replicate.
 */
public final class RandomQuadratics {

    /** Law of the entries of the data matrix {@code X} (mean 0, variance {@code sigma^2}). */
    public enum Entries {
        /** {@code N(0, sigma^2)}: the reference. */
        GAUSSIAN,
        /** {@code +-sigma} with probability 1/2 each: for universality checks. */
        RADEMACHER
    }

    private RandomQuadratics() {
    }

    /**
     * @param d       dimension
     * @param n       number of rows of {@code X}
     * @param sigma2  entry variance
     * @param entries entry law
     * @param rng     the random stream
     * @return {@code H = X^T X / n}, {@code d*d} row-major; cost {@code d^2 n / 2} multiply-adds (kernel dots)
     */
    public static double[] wishartHessian(int d, int n, double sigma2, Entries entries, RandomGenerator rng) {
        checkDimension("d", d);
        checkDimension("n", n);
        if (!(sigma2 > 0.0) || !Double.isFinite(sigma2)) {
            throw new IllegalArgumentException("sigma2 must be finite and > 0, got " + sigma2);
        }
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(rng, "rng");
        double sigma = Math.sqrt(sigma2);
        double[] xt = new double[Math.multiplyExact(d, n)]; // row i = column i of X
        for (int i = 0; i < xt.length; i++) {
            xt[i] = entries == Entries.GAUSSIAN ? sigma * rng.nextGaussian() : (rng.nextBoolean() ? sigma : -sigma);
        }
        DoubleKernels k = Kernels.doubles();
        double[] h = new double[Math.multiplyExact(d, d)];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double v = k.dot(xt, i * n, xt, j * n, n) / n;
                h[i * d + j] = v;
                h[j * d + i] = v;
            }
        }
        return h;
    }

    /**
     * A Haar-distributed orthogonal matrix: Gram–Schmidt (applied twice, "twice is enough") to the rows of a
     * Gaussian matrix. Gram–Schmidt yields the QR factor with positive diagonal, which is exactly Haar
     * (Mezzadri 2007). Cost {@code 2 d^3} multiply-adds via kernel dots and axpys.
     *
     * @return {@code Q}, {@code d*d} row-major with orthonormal rows
     */
    public static double[] haarOrthogonal(int d, RandomGenerator rng) {
        checkDimension("d", d);
        Objects.requireNonNull(rng, "rng");
        return DenseRotation.haarMatrix(d, rng);
    }

    /**
     * @param eigenvalues the prescribed spectrum (read)
     * @param rng         the stream for the Haar rotation
     * @return {@code H = Q^T diag(lambda) Q} with Haar {@code Q}, row-major
     */
    public static double[] rotatedHessian(double[] eigenvalues, RandomGenerator rng) {
        int d = eigenvalues.length;
        checkDimension("eigenvalues.length", d);
        double[] q = haarOrthogonal(d, rng);
        DoubleKernels k = Kernels.doubles();
        double[] h = new double[Math.multiplyExact(d, d)];
        for (int m = 0; m < d; m++) {
            double lam = eigenvalues[m];
            for (int i = 0; i < d; i++) {
                k.axpyInPlace(lam * q[m * d + i], q, m * d, h, i * d, d);
            }
        }
        // symmetrize rounding
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double v = 0.5 * (h[i * d + j] + h[j * d + i]);
                h[i * d + j] = v;
                h[j * d + i] = v;
            }
        }
        return h;
    }

    /** @return {@code diag(lambda)}, row-major. */
    public static double[] diagonalHessian(double[] eigenvalues) {
        int d = eigenvalues.length;
        checkDimension("eigenvalues.length", d);
        double[] h = new double[Math.multiplyExact(d, d)];
        for (int i = 0; i < d; i++) {
            h[i * d + i] = eigenvalues[i];
        }
        return h;
    }

    /** @return {@code x* ~ N(0, (R^2/d) I_d)}, assumption (A1) with {@code x_0 = 0}. */
    public static double[] isotropicMinimizer(int d, double r2, RandomGenerator rng) {
        checkDimension("d", d);
        if (!(r2 > 0.0) || !Double.isFinite(r2)) {
            throw new IllegalArgumentException("r2 must be finite and > 0, got " + r2);
        }
        double s = Math.sqrt(r2 / d);
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = s * rng.nextGaussian();
        }
        return x;
    }

    private static void checkDimension(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + v);
        }
    }
}
