package org.optdyn.engine.stream;

import java.util.Objects;
import org.optdyn.engine.rotation.DenseRotation;
import java.util.random.RandomGenerator;
import org.optdyn.engine.kernel.Kernels;
import org.optdyn.engine.random.GaussianStream;
import org.optdyn.engine.spectrum.DiscreteSpectrum;

/**
 * A data covariance {@code K = U diag(lambda) U^T} (sgd-ode.md §1.1): eigenvalues {@code lambda_i >= 0} and an
 * optional orthogonal rotation {@code U} (columns are the eigenvectors {@code phi_i}). Samples are
 * {@code a = U (sqrt(lambda) .* z)}, {@code z ~ N(0, I_d)}: {@code O(d)} per sample when {@code U = I} (the default),
 * {@code O(d^2)} with a rotation. Immutable.
 */
public final class Covariance {

    private final double[] eigenvalues;
    private final double[] sqrtEigenvalues;
    /** Row-major {@code d x d} rotation, or {@code null} for {@code U = I}. */
    private final double[] rotation;
    private final boolean identity;
    private final double mean;
    private final double meanSquare;

    private Covariance(double[] eigenvalues, double[] rotation) {
        Objects.requireNonNull(eigenvalues, "eigenvalues");
        if (eigenvalues.length == 0) {
            throw new IllegalArgumentException("eigenvalues: need d >= 1, got length 0");
        }
        boolean allOne = true;
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < eigenvalues.length; i++) {
            double l = eigenvalues[i];
            if (!(l >= 0) || !Double.isFinite(l)) {
                throw new IllegalArgumentException("eigenvalues[" + i + "] must be finite and >= 0, got " + l);
            }
            allOne &= l == 1.0;
            s += l;
            s2 += l * l;
        }
        if (s == 0) {
            throw new IllegalArgumentException("eigenvalues: all zero (K = 0 has no data)");
        }
        this.eigenvalues = eigenvalues.clone();
        this.sqrtEigenvalues = new double[eigenvalues.length];
        for (int i = 0; i < eigenvalues.length; i++) {
            sqrtEigenvalues[i] = Math.sqrt(eigenvalues[i]);
        }
        this.rotation = rotation;
        this.identity = allOne && rotation == null;
        this.mean = s / eigenvalues.length;
        this.meanSquare = s2 / eigenvalues.length;
    }

    /** @return {@code K = diag(lambda)} ({@code U = I}). */
    public static Covariance diagonal(double[] eigenvalues) {
        return new Covariance(eigenvalues, null);
    }

    /** @return {@code K = diag(lambda)} with the spectrum's eigenvalues in its canonical coordinate order. */
    public static Covariance diagonal(DiscreteSpectrum spectrum) {
        return diagonal(spectrum.coordinateEigenvalues());
    }

    /**
     * @param rotation row-major {@code d x d} orthogonal matrix {@code U} (copied); orthogonality is checked to
     *                 {@code 1e-10} per entry of {@code U^T U - I}
     * @return {@code K = U diag(lambda) U^T}
     */
    public static Covariance rotated(double[] eigenvalues, double[] rotation) {
        int d = Objects.requireNonNull(eigenvalues, "eigenvalues").length;
        Objects.requireNonNull(rotation, "rotation");
        if (rotation.length != (long) d * d) {
            throw new IllegalArgumentException("rotation: need d*d = " + ((long) d * d) + " entries, got "
                    + rotation.length);
        }
        double[] u = rotation.clone();
        double worst = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double dot = 0;
                for (int k = 0; k < d; k++) {
                    dot += u[k * d + i] * u[k * d + j];
                }
                worst = Math.max(worst, Math.abs(dot - (i == j ? 1 : 0)));
            }
        }
        if (!(worst <= 1e-10)) {
            throw new IllegalArgumentException("rotation is not orthogonal: max |U^T U - I| = " + worst);
        }
        return new Covariance(eigenvalues, u);
    }

    /**
     * @return {@code K = U diag(lambda) U^T} with {@code U} Haar-distributed on {@code O(d)}: the rows of a
     *         Gaussian matrix orthonormalized by Gram–Schmidt, done twice for orthogonality to rounding. This is the
     *         Q factor of a QR decomposition with {@code diag(R) > 0}, i.e. the sign-fixed QR of sgd-ode.md §8 step 2
     *         (the rows of an i.i.d. Gaussian matrix are isotropic, so the result is Haar; Mezzadri 2007).
     *         {@code O(d^3)}.
     */
    public static Covariance haar(double[] eigenvalues, RandomGenerator rng) {
        int d = Objects.requireNonNull(eigenvalues, "eigenvalues").length;
        Objects.requireNonNull(rng, "rng");
        double[] u = DenseRotation.haarMatrix(d, rng);
        return new Covariance(eigenvalues, u);
    }

    /** @return the dimension {@code d}. */
    public int dimension() {
        return eigenvalues.length;
    }

    /** @return a copy of the eigenvalues. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** @return eigenvalue {@code i}. */
    public double eigenvalue(int i) {
        return eigenvalues[i];
    }

    /** @return whether {@code U = I}. */
    public boolean isDiagonal() {
        return rotation == null;
    }

    /** @return whether {@code K = I} exactly. */
    public boolean isIdentity() {
        return identity;
    }

    /** @return {@code lambda-bar = Tr(K)/d}. */
    public double meanEigenvalue() {
        return mean;
    }

    /** @return {@code m_2 = Tr(K^2)/d}. */
    public double meanSquaredEigenvalue() {
        return meanSquare;
    }

    /** @return a copy of the row-major rotation, or {@code null} when {@code U = I}. */
    public double[] rotation() {
        return rotation == null ? null : rotation.clone();
    }

    /** Writes the eigen-coordinates {@code xi = U^T x} ({@code x} read, {@code out} written, no aliasing). */
    public void toEigenbasis(double[] x, double[] out) {
        int d = dimension();
        if (rotation == null) {
            System.arraycopy(x, 0, out, 0, d);
            return;
        }
        java.util.Arrays.fill(out, 0, d, 0.0);
        var k = Kernels.doubles();
        for (int r = 0; r < d; r++) {                 // out += x_r * (row r of U)
            k.axpyInPlace(x[r], rotation, r * d, out, 0, d);
        }
    }

    /** Writes {@code x = U xi} ({@code xi} read, {@code out} written, no aliasing). */
    public void fromEigenbasis(double[] xi, double[] out) {
        int d = dimension();
        if (rotation == null) {
            System.arraycopy(xi, 0, out, 0, d);
            return;
        }
        var k = Kernels.doubles();
        for (int r = 0; r < d; r++) {
            out[r] = k.dot(rotation, r * d, xi, 0, d);
        }
    }

    /**
     * Draws {@code a = U (sqrt(lambda) .* z)} into {@code a[0, d)}, consuming {@code d} normals of {@code g}.
     *
     * @param work scratch of length {@code >= d} (written; used only with a rotation)
     */
    void sample(GaussianStream g, double[] work, double[] a) {
        int d = dimension();
        if (identity) {
            g.fill(a, 0, d);
        } else if (rotation == null) {
            g.fillScaled(sqrtEigenvalues, a, d);
        } else {
            g.fillScaled(sqrtEigenvalues, work, d);
            var k = Kernels.doubles();
            for (int r = 0; r < d; r++) {
                a[r] = k.dot(rotation, r * d, work, 0, d);
            }
        }
    }
}
