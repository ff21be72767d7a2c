package org.optdyn.engine.erm;

import java.util.Arrays;

/**
 * A discrete population covariance {@code Sigma} in the sense of dmft.md §1: class {@code k} holds the fraction
 * {@code w_k} of the eigen-directions, with eigenvalue {@code omega_k > 0}; {@code sum_k w_k = 1}. The identity is
 * one class {@code (1, 1)}.
 *
 * @param weights     {@code w_k > 0}, summing to 1 (to 1e-12)
 * @param eigenvalues {@code omega_k > 0}, finite
 */
public record CovarianceClasses(double[] weights, double[] eigenvalues) {

    public CovarianceClasses {
        if (weights == null || eigenvalues == null || weights.length == 0 || weights.length != eigenvalues.length) {
            throw new IllegalArgumentException("covariance classes: need as many weights as eigenvalues (at least one)");
        }
        weights = weights.clone();
        eigenvalues = eigenvalues.clone();
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            if (!(weights[k] > 0) || !Double.isFinite(weights[k])) {
                throw new IllegalArgumentException("covariance classes: weight " + k + " must be > 0, got " + weights[k]);
            }
            if (!(eigenvalues[k] > 0) || !Double.isFinite(eigenvalues[k])) {
                throw new IllegalArgumentException("covariance classes: eigenvalue " + k + " must be > 0 and finite, got "
                        + eigenvalues[k]);
            }
            sum += weights[k];
        }
        if (Math.abs(sum - 1) > 1e-12) {
            throw new IllegalArgumentException("covariance classes: weights must sum to 1, got " + sum);
        }
    }

    /** @return {@code Sigma = I} */
    public static CovarianceClasses identity() {
        return new CovarianceClasses(new double[] {1}, new double[] {1});
    }

    /**
     * Parses {@code identity} or {@code classes:W1:OMEGA1,W2:OMEGA2,...} (the command line's {@code --covariance}).
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static CovarianceClasses parse(String spec) {
        String usage = "covariance must be identity or classes:W1:OMEGA1,W2:OMEGA2,..., got '" + spec + "'";
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(usage);
        }
        String s = spec.trim();
        if (s.equals("identity")) {
            return identity();
        }
        if (!s.startsWith("classes:")) {
            throw new IllegalArgumentException(usage);
        }
        String[] parts = s.substring("classes:".length()).split(",");
        double[] w = new double[parts.length];
        double[] o = new double[parts.length];
        for (int k = 0; k < parts.length; k++) {
            String[] p = parts[k].trim().split(":");
            if (p.length != 2) {
                throw new IllegalArgumentException(usage);
            }
            try {
                w[k] = Double.parseDouble(p[0].trim());
                o[k] = Double.parseDouble(p[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(usage);
            }
        }
        return new CovarianceClasses(w, o);
    }

    /** @return the number of classes {@code K} */
    public int size() {
        return weights.length;
    }

    /** @return {@code w_k} */
    public double weight(int k) {
        return weights[k];
    }

    /** @return {@code omega_k} */
    public double eigenvalue(int k) {
        return eigenvalues[k];
    }

    /** @return the mean eigenvalue {@code sum_k w_k omega_k} */
    public double meanEigenvalue() {
        double s = 0;
        for (int k = 0; k < weights.length; k++) {
            s += weights[k] * eigenvalues[k];
        }
        return s;
    }

    /** @return the largest eigenvalue */
    public double maxEigenvalue() {
        return Arrays.stream(eigenvalues).max().orElseThrow();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CovarianceClasses c && Arrays.equals(weights, c.weights)
                && Arrays.equals(eigenvalues, c.eigenvalues);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weights) + Arrays.hashCode(eigenvalues);
    }

    @Override
    public String toString() {
        return "CovarianceClasses[weights=" + Arrays.toString(weights) + ", eigenvalues=" + Arrays.toString(eigenvalues)
                + "]";
    }
}
