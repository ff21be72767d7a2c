package org.optdyn.engine.stream;

/**
 * The finite-d spectra of the simulation protocol (sgd-ode.md §8 step 2), as eigenvalue arrays: the one place their
 * formulas are written (theory's {@code org.optdyn.theory.spectrum.Spectra} groups these arrays into a discrete
 * spectrum, the command line's {@code --spectrum} evaluates them).
 */
public final class Spectra {

    private Spectra() {
    }

    private static void requireDimension(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
    }

    /** @return {@code lambda_i = 1}. */
    public static double[] identity(int d) {
        requireDimension(d);
        double[] l = new double[d];
        java.util.Arrays.fill(l, 1.0);
        return l;
    }

    /** @return exactly {@code d/2} eigenvalues {@code l1} (indices {@code 0..d/2-1}) then {@code d/2} of {@code l2}. */
    public static double[] twoPoint(int d, double l1, double l2) {
        requireDimension(d);
        if (d % 2 != 0) {
            throw new IllegalArgumentException("two-point spectrum needs an even d, got " + d);
        }
        double[] l = new double[d];
        for (int i = 0; i < d; i++) {
            l[i] = i < d / 2 ? l1 : l2;
        }
        return l;
    }

    /** @return the power-law quantiles {@code lambda_i = ((i - 1/2)/d)^(1/(1-beta))}, {@code i = 1..d}, {@code beta < 1}. */
    public static double[] powerLawQuantiles(int d, double beta) {
        requireDimension(d);
        if (!(beta < 1) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and < 1, got " + beta);
        }
        double[] l = new double[d];
        for (int i = 1; i <= d; i++) {
            l[i - 1] = Math.pow((i - 0.5) / d, 1 / (1 - beta));
        }
        return l;
    }

    /** @return the [HL] Fig. 2/3 family {@code lambda_i ∝ (i/(d+1))^(-2/s)} normalized to mean 1, {@code s > 2}. */
    public static double[] highLineFamily(int d, double s) {
        requireDimension(d);
        if (!(s > 2)) {
            throw new IllegalArgumentException("s must be > 2, got " + s);
        }
        double[] l = new double[d];
        double sum = 0;
        for (int i = 1; i <= d; i++) {
            l[i - 1] = Math.pow(i / (d + 1.0), -2 / s);
            sum += l[i - 1];
        }
        for (int i = 0; i < d; i++) {
            l[i] = l[i] * d / sum;
        }
        return l;
    }
}
