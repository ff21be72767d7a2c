package org.optdyn.engine.stream;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Draws the start {@code X_0} and the target {@code X*} of one run (sgd-ode.md §1.6, §8 step 3), in the data basis.
 * Implementations may use {@code rng} (the run's own generator) and must fill both arrays completely.
 */
@FunctionalInterface
public interface InitialCondition {

    /**
     * @param cov    the covariance (dimension, eigenvalues, rotation)
     * @param rng    the run's generator
     * @param x0     written: {@code X_0}, length {@code d}
     * @param target written: {@code X*}, length {@code d}
     */
    void initialize(Covariance cov, RandomGenerator rng, double[] x0, double[] target);

    /**
     * Draws with {@link #initialize} and checks the result, as every solver of this package does before its first
     * step.
     *
     * @throws IllegalArgumentException naming the first index where {@code X_0} or {@code X*} is not finite
     */
    default void draw(Covariance cov, RandomGenerator rng, double[] x0, double[] target) {
        initialize(cov, rng, x0, target);
        for (int i = 0; i < x0.length; i++) {
            if (!Double.isFinite(x0[i]) || !Double.isFinite(target[i])) {
                throw new IllegalArgumentException("initial condition produced a non-finite value at index " + i
                        + ": x0 = " + x0[i] + ", target = " + target[i]);
            }
        }
    }

    /** Default: {@code X_0 = 0}, {@code X* = z/|z|} with {@code z ~ N(0, I_d)} (unit norm, isotropic). */
    static InitialCondition zeroStartUnitTarget() {
        return (cov, rng, x0, target) -> {
            java.util.Arrays.fill(x0, 0.0);
            unitGaussian(rng, target);
        };
    }

    /** Line-search figures: {@code X_0 ~ N(0, I_d/d)}, {@code X* = 1/sqrt(d)} (all coordinates). */
    static InitialCondition lineSearch() {
        return (cov, rng, x0, target) -> {
            int d = x0.length;
            double s = 1 / Math.sqrt(d);
            for (int i = 0; i < d; i++) {
                x0[i] = s * rng.nextGaussian();
                target[i] = s;
            }
        };
    }

    /**
     * Power-law target (§4.6, §9 item 13): {@code X_0 = 0} and eigen-coordinates
     * {@code <X*, phi_i> = lambda_i^(-delta/2) / sqrt(d)} (so {@code r_i(0) = lambda_i^-delta / d}); needs all
     * {@code lambda_i > 0} when {@code delta > 0}.
     */
    static InitialCondition powerLawTarget(double delta) {
        if (!(delta >= 0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("delta must be finite and >= 0, got " + delta);
        }
        return (cov, rng, x0, target) -> {
            int d = x0.length;
            double[] xi = new double[d];
            for (int i = 0; i < d; i++) {
                double l = cov.eigenvalue(i);
                if (delta > 0 && !(l > 0)) {
                    throw new IllegalArgumentException("power-law target needs lambda_" + i + " > 0, got " + l);
                }
                xi[i] = Math.pow(l, -delta / 2) / Math.sqrt(d);
            }
            java.util.Arrays.fill(x0, 0.0);
            cov.fromEigenbasis(xi, target);
        };
    }

    /**
     * Warm start for phase retrieval (§2.8, §8 step 3): {@code X*} uniform on the unit sphere and
     * {@code X_0 = along X* + orthogonal}, where {@code orthogonal} is a uniformly random direction orthogonal to
     * {@code X*} with norm {@code orthogonalNorm}.
     */
    static InitialCondition warmStart(double along, double orthogonalNorm) {
        if (!Double.isFinite(along) || !(orthogonalNorm >= 0) || !Double.isFinite(orthogonalNorm)) {
            throw new IllegalArgumentException("warm start needs finite along and orthogonalNorm >= 0, got "
                    + along + ", " + orthogonalNorm);
        }
        return (cov, rng, x0, target) -> {
            int d = x0.length;
            unitGaussian(rng, target);
            for (int i = 0; i < d; i++) {
                x0[i] = rng.nextGaussian();
            }
            double p = 0;
            for (int i = 0; i < d; i++) {
                p += x0[i] * target[i];
            }
            double n2 = 0;
            for (int i = 0; i < d; i++) {
                x0[i] -= p * target[i];
                n2 += x0[i] * x0[i];
            }
            double s = orthogonalNorm / Math.sqrt(n2);
            for (int i = 0; i < d; i++) {
                x0[i] = along * target[i] + s * x0[i];
            }
        };
    }

    /** @return fixed {@code X_0} and {@code X*} (copied), the same for every run. */
    static InitialCondition fixed(double[] x0, double[] target) {
        double[] a = Objects.requireNonNull(x0, "x0").clone();
        double[] b = Objects.requireNonNull(target, "target").clone();
        if (a.length != b.length) {
            throw new IllegalArgumentException("x0.length = " + a.length + " but target.length = " + b.length);
        }
        return (cov, rng, out0, outTarget) -> {
            if (out0.length != a.length) {
                throw new IllegalArgumentException("fixed initial condition has length " + a.length
                        + " but the problem has d = " + out0.length);
            }
            System.arraycopy(a, 0, out0, 0, a.length);
            System.arraycopy(b, 0, outTarget, 0, b.length);
        };
    }

    private static void unitGaussian(RandomGenerator rng, double[] v) {
        double n2 = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
            n2 += v[i] * v[i];
        }
        double s = 1 / Math.sqrt(n2);
        for (int i = 0; i < v.length; i++) {
            v[i] *= s;
        }
    }
}
