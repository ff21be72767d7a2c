package org.optdyn.engine.dln;

import java.util.Arrays;
import java.util.Objects;

/**
 * One diagonal-network problem at dimension {@code d} (diagonal-networks.md §1): the diagonal {@code k} of the data
 * covariance ({@code x ~ N(0, diag(k)/d)}), the target {@code beta = theta*} and the start {@code (u0, v0)} in the
 * product coordinates (a {@link Parametrisation#SQUARES} run starts from {@code w+- = (u0 +- v0)/2}).
 *
 * @param k      covariance diagonal, finite and {@code > 0}
 * @param target target coordinates {@code beta_i}, finite
 * @param u0     start of {@code u}, finite
 * @param v0     start of {@code v}, finite
 */
public record DlnInstance(double[] k, double[] target, double[] u0, double[] v0) {

    public DlnInstance {
        Objects.requireNonNull(k, "k");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(u0, "u0");
        Objects.requireNonNull(v0, "v0");
        int d = k.length;
        if (d < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got k of length 0");
        }
        if (target.length != d || u0.length != d || v0.length != d) {
            throw new IllegalArgumentException("k, target, u0 and v0 must have one length, got " + d + ", "
                    + target.length + ", " + u0.length + ", " + v0.length);
        }
        for (int i = 0; i < d; i++) {
            if (!(k[i] > 0) || !Double.isFinite(k[i])) {
                throw new IllegalArgumentException("k[" + i + "] must be finite and > 0, got " + k[i]);
            }
            if (!Double.isFinite(target[i]) || !Double.isFinite(u0[i]) || !Double.isFinite(v0[i])) {
                throw new IllegalArgumentException("target, u0 and v0 must be finite; coordinate " + i + " has "
                        + target[i] + ", " + u0[i] + ", " + v0[i]);
            }
        }
        k = k.clone();
        target = target.clone();
        u0 = u0.clone();
        v0 = v0.clone();
    }

    /**
     * The instance N1 of diagonal-networks.md §7: {@code k_i = 0.5} for even {@code i}, 1.5 for odd; {@code beta_i =
     * +1} if {@code i mod 10 = 0}, {@code -1} if {@code i mod 10 = 1}, else 0 (20 % support); start {@code u = 1,
     * v = 0} ({@code theta = 0}, imbalance {@code c = 1}). {@code R(0) = 0.1 + sigma^2/2} when {@code d} is a
     * multiple of 10.
     *
     * @param d the dimension, {@code >= 1}
     */
    public static DlnInstance n1(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        double[] k = new double[d];
        double[] beta = new double[d];
        double[] u = new double[d];
        for (int i = 0; i < d; i++) {
            k[i] = i % 2 == 0 ? 0.5 : 1.5;
            beta[i] = i % 10 == 0 ? 1 : i % 10 == 1 ? -1 : 0;
            u[i] = 1;
        }
        return new DlnInstance(k, beta, u, new double[d]);
    }

    /** @return {@code d} */
    public int dimension() {
        return k.length;
    }

    @Override
    public double[] k() {
        return k.clone();
    }

    @Override
    public double[] target() {
        return target.clone();
    }

    @Override
    public double[] u0() {
        return u0.clone();
    }

    @Override
    public double[] v0() {
        return v0.clone();
    }

    /** @return the observables at the start, for label noise {@code sigma} */
    public DlnObservables initial(double sigma) {
        return DlnObservables.ofProduct(k, target, u0, v0, sigma);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DlnInstance other && Arrays.equals(k, other.k) && Arrays.equals(target, other.target)
                && Arrays.equals(u0, other.u0) && Arrays.equals(v0, other.v0);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(k), Arrays.hashCode(target), Arrays.hashCode(u0), Arrays.hashCode(v0));
    }

    @Override
    public String toString() {
        return "DlnInstance[d = " + k.length + "]";
    }
}
