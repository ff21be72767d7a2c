package org.optdyn.engine.quadratic;

import java.util.Objects;

import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;
import org.optdyn.engine.optim.GradientOracle;

/**
 * The quadratic {@code f(x) = 1/2 x^T H x - b^T x} with {@code b = H x*} and minimum value
 * {@code f* = -1/2 x*^T H x*} (docs/theory/average-case.md, section 1.1), {@code H} dense symmetric, stored row-major.
 * Matrix–vector products use {@link DoubleKernels#dot} per row. Instances are immutable (arrays are copied).
 */
public final class DenseQuadratic implements GradientOracle {

    private final int d;
    private final double[] hessian;
    private final double[] minimizer;
    private final double[] linear;
    private final double minimum;

    /**
     * @param d         dimension, {@code >= 1}
     * @param hessian   {@code d*d} entries, row-major, symmetric (not checked beyond the length), read
     * @param minimizer {@code x*}, length {@code d}, read
     */
    public DenseQuadratic(int d, double[] hessian, double[] minimizer) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        Objects.requireNonNull(hessian, "hessian");
        Objects.requireNonNull(minimizer, "minimizer");
        if (hessian.length != (long) d * d) {
            throw new IllegalArgumentException("hessian.length = " + hessian.length + " but d*d = " + (long) d * d);
        }
        Kernels.requireSameLength("minimizer", minimizer.length, "d", d);
        this.d = d;
        this.hessian = hessian.clone();
        this.minimizer = minimizer.clone();
        this.linear = new double[d];
        multiply(this.minimizer, this.linear);
        this.minimum = -0.5 * Kernels.dot(this.minimizer, this.linear);
    }

    /** @return a copy of this quadratic with another minimizer (the Hessian array is shared internally). */
    public DenseQuadratic withMinimizer(double[] newMinimizer) {
        return new DenseQuadratic(d, hessian, newMinimizer);
    }

    /** @return the dimension. */
    public int dimension() {
        return d;
    }

    /** @return {@code H[i][j]}. */
    public double hessianEntry(int i, int j) {
        return hessian[i * d + j];
    }

    /** @return a copy of {@code x*}. */
    public double[] minimizer() {
        return minimizer.clone();
    }

    /** @return {@code f*}. */
    public double minimum() {
        return minimum;
    }

    /** @return {@code tr(H)/d}, the estimate of {@code sigma^2} (or of the mean eigenvalue). */
    public double meanEigenvalue() {
        double s = 0.0;
        for (int i = 0; i < d; i++) {
            s += hessian[i * d + i];
        }
        return s / d;
    }

    /** {@code out = H x}. {@code x} read; {@code out} written (must not alias {@code x}). */
    public void multiply(double[] x, double[] out) {
        DoubleKernels k = Kernels.doubles();
        for (int i = 0; i < d; i++) {
            out[i] = k.dot(hessian, i * d, x, 0, d);
        }
    }

    /** {@code gradOut = H x - b}. {@code x} read; {@code gradOut} written. */
    @Override
    public void gradient(double[] x, double[] gradOut) {
        if (x.length != d || gradOut.length != d) {
            throw new IllegalArgumentException("x.length = " + x.length + ", gradOut.length = " + gradOut.length
                    + " but d = " + d);
        }
        DoubleKernels k = Kernels.doubles();
        for (int i = 0; i < d; i++) {
            gradOut[i] = k.dot(hessian, i * d, x, 0, d) - linear[i];
        }
    }

    /**
     * @param x       the point, read
     * @param scratch a work array of length {@code d}, written
     * @return {@code f(x) - f*}
     */
    public double gap(double[] x, double[] scratch) {
        gradient(x, scratch);
        // f(x) - f* = 1/2 (x - x*)^T H (x - x*) = 1/2 (x - x*)^T (H x - b)
        DoubleKernels k = Kernels.doubles();
        return 0.5 * (k.dot(x, 0, scratch, 0, d) - k.dot(minimizer, 0, scratch, 0, d));
    }

    /** @return {@code x*^T v}. {@code v} read. */
    public double minimizerDot(double[] v) {
        return Kernels.doubles().dot(minimizer, 0, v, 0, d);
    }

    /** @return {@code ||x - x*||^2}. {@code x} read. */
    public double squaredDistance(double[] x) {
        double s = 0.0;
        for (int i = 0; i < d; i++) {
            double e = x[i] - minimizer[i];
            s += e * e;
        }
        return s;
    }

    /**
     * Largest eigenvalue estimate by power iteration (a lower bound that converges from below).
     *
     * @param iterations number of matrix-vector products
     * @param start      start vector, length {@code d}, not orthogonal to the top eigenvector; read
     */
    public double largestEigenvalue(int iterations, double[] start) {
        return powerIteration(iterations, start, 0.0, 1.0);
    }

    /**
     * Smallest eigenvalue estimate by power iteration on {@code shift I - H} (an upper bound converging from above).
     *
     * @param iterations number of products
     * @param start      start vector, read
     * @param shift      a number {@code >= lambda_max(H)}
     */
    public double smallestEigenvalue(int iterations, double[] start, double shift) {
        return shift - powerIteration(iterations, start, shift, -1.0);
    }

    private double powerIteration(int iterations, double[] start, double shift, double sign) {
        DoubleKernels k = Kernels.doubles();
        double[] v = start.clone();
        double[] w = new double[d];
        double lambda = 0.0;
        double norm = Math.sqrt(k.sumOfSquares(v, 0, d));
        k.scaleInPlace(1.0 / norm, v, 0, d);
        for (int it = 0; it < iterations; it++) {
            multiply(v, w);
            k.scaleInPlace(sign, w, 0, d);
            k.axpyInPlace(shift, v, 0, w, 0, d);
            lambda = k.dot(v, 0, w, 0, d);
            norm = Math.sqrt(k.sumOfSquares(w, 0, d));
            double[] t = v;
            v = w;
            w = t;
            k.scaleInPlace(1.0 / norm, v, 0, d);
        }
        return lambda;
    }
}
