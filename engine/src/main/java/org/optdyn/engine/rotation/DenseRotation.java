package org.optdyn.engine.rotation;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;

/**
 * An explicit {@code n x n} orthogonal matrix {@code Q} (row-major), applied by kernel dot products in
 * {@code n^2} multiply-adds. The transpose is kept too, so {@link #rotateBack} also reads rows.
 *
 * <p>Haar sampling (adam-rotation.md §3, Mezzadri 2007): Gram–Schmidt, applied twice ("twice is enough"), to the rows
 * of an i.i.d. Gaussian matrix {@code Z} gives {@code Z = L Q} with {@code L} lower triangular with a positive
 * diagonal, i.e. the sign-fixed QR factorisation of {@code Z^T}; its {@code Q} is Haar on {@code O(n)} whatever the
 * rounding of the implementation. For {@code SO(n)} the first row is multiplied by {@code det Q}
 * ({@code D Q}: a left sign flip, which leaves every Adam trajectory unchanged, fact 3).
 */
public final class DenseRotation implements Rotation {

    private static final DoubleKernels K = Kernels.doubles();

    private final int n;
    private final double[] q;
    private final double[] qt;

    private DenseRotation(int n, double[] q) {
        this.n = n;
        this.q = q;
        this.qt = new double[q.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                qt[j * n + i] = q[i * n + j];
            }
        }
    }

    /**
     * @param matrix an {@code n x n} row-major matrix with orthonormal rows (copied)
     * @throws IllegalArgumentException if it is not square or {@code max |Q Q^T - I|} exceeds {@code 1e-10}
     */
    public static DenseRotation of(double[] matrix) {
        Objects.requireNonNull(matrix, "matrix");
        int n = (int) Math.round(Math.sqrt(matrix.length));
        if (n < 1 || n * n != matrix.length) {
            throw new IllegalArgumentException("matrix must be n x n, got " + matrix.length + " entries");
        }
        double[] q = matrix.clone();
        double worst = orthogonalityError(q, n);
        if (!(worst <= 1e-10)) {
            throw new IllegalArgumentException("matrix is not orthogonal: max |Q Q^T - I| = " + worst);
        }
        return new DenseRotation(n, q);
    }

    /**
     * @param n   dimension, {@code >= 1}
     * @param rng the stream of the Gaussian entries ({@code n^2} normals, row by row)
     * @return a Haar-distributed element of {@code O(n)}; {@code 2 n^3} multiply-adds
     */
    public static DenseRotation haar(int n, RandomGenerator rng) {
        return new DenseRotation(n, haarMatrix(n, rng));
    }

    /** @return a Haar-distributed element of {@code SO(n)}: {@link #haar} with its first row times {@code det Q} */
    public static DenseRotation haarSpecial(int n, RandomGenerator rng) {
        double[] q = haarMatrix(n, rng);
        if (determinantSign(q, n) < 0) {
            K.scaleInPlace(-1.0, q, 0, n);
        }
        return new DenseRotation(n, q);
    }

    /**
     * The Haar matrix of {@link #haar} as a row-major array (the sampler every Haar rotation of optdyn uses).
     *
     * @return {@code Q}, {@code n*n} row-major with orthonormal rows
     */
    public static double[] haarMatrix(int n, RandomGenerator rng) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        Objects.requireNonNull(rng, "rng");
        double[] q = new double[Math.multiplyExact(n, n)];
        for (int i = 0; i < q.length; i++) {
            q[i] = rng.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < i; j++) {
                    double c = K.dot(q, j * n, q, i * n, n);
                    K.axpyInPlace(-c, q, j * n, q, i * n, n);
                }
            }
            double norm = Math.sqrt(K.sumOfSquares(q, i * n, n));
            K.scaleInPlace(1.0 / norm, q, i * n, n);
        }
        return q;
    }

    /** @return the sign of the determinant of the {@code n x n} matrix (LU with partial pivoting on a copy) */
    static int determinantSign(double[] matrix, int n) {
        double[] a = matrix.clone();
        int sign = 1;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r * n + c]) > Math.abs(a[p * n + c])) {
                    p = r;
                }
            }
            if (a[p * n + c] == 0) {
                return 0;
            }
            if (p != c) {
                for (int j = 0; j < n; j++) {
                    double t = a[c * n + j];
                    a[c * n + j] = a[p * n + j];
                    a[p * n + j] = t;
                }
                sign = -sign;
            }
            if (a[c * n + c] < 0) {
                sign = -sign;
            }
            for (int r = c + 1; r < n; r++) {
                double f = a[r * n + c] / a[c * n + c];
                if (f != 0) {
                    K.axpyInPlace(-f, a, c * n + c, a, r * n + c, n - c);
                }
            }
        }
        return sign;
    }

    /** @return {@code max |Q Q^T - I|} */
    static double orthogonalityError(double[] q, int n) {
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double e = K.dot(q, i * n, q, j * n, n) - (i == j ? 1 : 0);
                worst = Math.max(worst, Math.abs(e));
            }
        }
        return worst;
    }

    /** @return the sign of {@code det Q}: {@code +1} on {@code SO(n)}, {@code -1} otherwise */
    public int determinant() {
        return determinantSign(q, n);
    }

    /** @return a copy of {@code Q}, row-major */
    public double[] matrix() {
        return q.clone();
    }

    /** @return the entry {@code Q_ij} */
    public double entry(int i, int j) {
        return q[i * n + j];
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public void rotate(double[] x, double[] out) {
        Rotation.checkArguments(this, x, out);
        apply(q, x, 0, out, 0);
    }

    @Override
    public void rotateBack(double[] x, double[] out) {
        Rotation.checkArguments(this, x, out);
        apply(qt, x, 0, out, 0);
    }

    /** {@code out[outOff ..] = Q x[xOff ..]}, no checks (used by {@link BlockRotation}). */
    void rotate(double[] x, int xOff, double[] out, int outOff) {
        apply(q, x, xOff, out, outOff);
    }

    /** {@code out[outOff ..] = Q^T x[xOff ..]}, no checks. */
    void rotateBack(double[] x, int xOff, double[] out, int outOff) {
        apply(qt, x, xOff, out, outOff);
    }

    private void apply(double[] m, double[] x, int xOff, double[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = K.dot(m, i * n, x, xOff, n);
        }
    }

    @Override
    public String toString() {
        return "DenseRotation[n = " + n + "]";
    }
}
