package org.optdyn.engine.spectrum;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The spectrum of a d×d covariance K, stored as its distinct eigenvalues λ_j with multiplicities n_j
 * (sgd-ode.md §2.4: groups G_j of equal eigenvalues, weights w_j = n_j/d, Σ_j w_j = 1).
 *
 * <p>Grouping is exact: a d = 10⁶ identity has one group, a two-point spectrum two, so every O(J) computation
 * on the groups (ODE right-hand sides, moments) costs no more than for d = J. A power law with d distinct
 * eigenvalues has d groups.
 *
 * <p><b>Canonical coordinate order.</b> Group j occupies the contiguous block of coordinates
 * {@code [offset(j), offset(j) + n_j)}; groups are kept in order of first appearance. The §8 factories of
 * {@link Spectra} already list their eigenvalues in this order (two-point: the first d/2 coordinates carry λ₁;
 * power law: i = 1..d). {@link #coordinateEigenvalues()} expands the spectrum in this order, and every
 * per-coordinate array accepted by this package (for example {@link #groupSums(double[])}) is read in it.
 * Immutable and thread-safe.
 */
public final class DiscreteSpectrum {

    private final double[] eigenvalues;
    private final long[] multiplicities;
    private final long dimension;
    private final double mean;
    private final double secondMoment;

    private DiscreteSpectrum(double[] eigenvalues, long[] multiplicities) {
        this.eigenvalues = eigenvalues;
        this.multiplicities = multiplicities;
        long d = 0;
        for (long n : multiplicities) {
            d = Math.addExact(d, n);
        }
        this.dimension = d;
        double m1 = 0;
        double m2 = 0;
        for (int j = 0; j < eigenvalues.length; j++) {
            double w = (double) multiplicities[j] / d;
            m1 += w * eigenvalues[j];
            m2 += w * eigenvalues[j] * eigenvalues[j];
        }
        this.mean = m1;
        this.secondMoment = m2;
    }

    /**
     * A spectrum from (eigenvalue, multiplicity) pairs; equal eigenvalues are merged into one group (in order of
     * first appearance).
     *
     * @param eigenvalues    λ_j ≥ 0, finite (read)
     * @param multiplicities n_j ≥ 1 (read)
     * @throws IllegalArgumentException on empty input, mismatched lengths, negative/non-finite λ or n_j < 1
     */
    public static DiscreteSpectrum ofGroups(double[] eigenvalues, long[] multiplicities) {
        if (eigenvalues == null || multiplicities == null || eigenvalues.length == 0) {
            throw new IllegalArgumentException("eigenvalues must be non-empty, got "
                    + (eigenvalues == null ? "null" : "length 0"));
        }
        if (eigenvalues.length != multiplicities.length) {
            throw new IllegalArgumentException("multiplicities length " + multiplicities.length
                    + " differs from eigenvalues length " + eigenvalues.length);
        }
        Map<Double, Long> groups = new LinkedHashMap<>();
        for (int j = 0; j < eigenvalues.length; j++) {
            double l = eigenvalues[j];
            if (!(l >= 0) || Double.isInfinite(l)) {
                throw new IllegalArgumentException("eigenvalues[" + j + "] must be finite and >= 0, got " + l);
            }
            if (multiplicities[j] < 1) {
                throw new IllegalArgumentException("multiplicities[" + j + "] must be >= 1, got " + multiplicities[j]);
            }
            groups.merge(l + 0.0, multiplicities[j], Long::sum); // + 0.0 folds -0.0 into 0.0
        }
        double[] ev = new double[groups.size()];
        long[] mult = new long[groups.size()];
        int j = 0;
        for (var e : groups.entrySet()) {
            ev[j] = e.getKey();
            mult[j++] = e.getValue();
        }
        return new DiscreteSpectrum(ev, mult);
    }

    /**
     * A spectrum from one eigenvalue per coordinate (d = length); equal values are grouped.
     *
     * @param coordinateEigenvalues λ_i ≥ 0, finite (read)
     */
    public static DiscreteSpectrum ofEigenvalues(double... coordinateEigenvalues) {
        if (coordinateEigenvalues == null || coordinateEigenvalues.length == 0) {
            throw new IllegalArgumentException("coordinateEigenvalues must be non-empty");
        }
        long[] ones = new long[coordinateEigenvalues.length];
        Arrays.fill(ones, 1L);
        return ofGroups(coordinateEigenvalues, ones);
    }

    /** Ambient dimension d = Σ_j n_j. */
    public long dimension() {
        return dimension;
    }

    /** Number J of distinct eigenvalues (groups). */
    public int groupCount() {
        return eigenvalues.length;
    }

    /** λ_j of group j. */
    public double eigenvalue(int group) {
        return eigenvalues[group];
    }

    /** n_j of group j. */
    public long multiplicity(int group) {
        return multiplicities[group];
    }

    /** w_j = n_j / d of group j. */
    public double weight(int group) {
        return (double) multiplicities[group] / dimension;
    }

    /** Copy of the distinct eigenvalues, in group order. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** Copy of the multiplicities, in group order. */
    public long[] multiplicities() {
        return multiplicities.clone();
    }

    /** Fresh array of the weights w_j = n_j/d, in group order. */
    public double[] weights() {
        double[] w = new double[eigenvalues.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = weight(j);
        }
        return w;
    }

    /** λ̄ = Tr(K)/d = Σ_j w_j λ_j (sgd-ode.md §0). */
    public double meanEigenvalue() {
        return mean;
    }

    /** m₂ = Tr(K²)/d = Σ_j w_j λ_j² (sgd-ode.md §0). */
    public double secondMoment() {
        return secondMoment;
    }

    /** Smallest eigenvalue (may be 0). */
    public double minEigenvalue() {
        return Arrays.stream(eigenvalues).min().orElseThrow();
    }

    /** Largest eigenvalue. */
    public double maxEigenvalue() {
        return Arrays.stream(eigenvalues).max().orElseThrow();
    }

    /** Smallest non-zero eigenvalue (sgd-ode.md §9 item 17), or NaN if K = 0. */
    public double minPositiveEigenvalue() {
        return Arrays.stream(eigenvalues).filter(l -> l > 0).min().orElse(Double.NaN);
    }

    /** First coordinate of group j in the canonical coordinate order. */
    public long offset(int group) {
        long o = 0;
        for (int j = 0; j < group; j++) {
            o += multiplicities[j];
        }
        return o;
    }

    /**
     * Index of the group holding eigenvalue λ exactly, or −1.
     *
     * @param eigenvalue the value to look up (exact comparison)
     */
    public int groupOf(double eigenvalue) {
        for (int j = 0; j < eigenvalues.length; j++) {
            if (eigenvalues[j] == eigenvalue) {
                return j;
            }
        }
        return -1;
    }

    /**
     * The eigenvalues expanded to one per coordinate, in the canonical order (group blocks in group order).
     *
     * @throws IllegalArgumentException if d exceeds the maximal Java array length
     */
    public double[] coordinateEigenvalues() {
        int d = checkedIntDimension();
        double[] out = new double[d];
        int i = 0;
        for (int j = 0; j < eigenvalues.length; j++) {
            int n = (int) multiplicities[j];
            Arrays.fill(out, i, i + n, eigenvalues[j]);
            i += n;
        }
        return out;
    }

    /**
     * Per-group sums Σ_{i∈G_j} v_i of a per-coordinate array in the canonical coordinate order, e.g. the
     * residuals ⟨X−X*,φ_i⟩² → r_j (sgd-ode.md §2.4).
     *
     * @param perCoordinate length d (read)
     * @return a fresh array of length J
     */
    public double[] groupSums(double[] perCoordinate) {
        int d = checkedIntDimension();
        if (perCoordinate == null || perCoordinate.length != d) {
            throw new IllegalArgumentException("perCoordinate must have length d = " + d + ", got "
                    + (perCoordinate == null ? "null" : perCoordinate.length));
        }
        double[] out = new double[eigenvalues.length];
        int i = 0;
        for (int j = 0; j < eigenvalues.length; j++) {
            double s = 0;
            for (long k = 0; k < multiplicities[j]; k++) {
                s += perCoordinate[i++];
            }
            out[j] = s;
        }
        return out;
    }

    private int checkedIntDimension() {
        if (dimension > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("dimension " + dimension + " too large for a per-coordinate array");
        }
        return (int) dimension;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiscreteSpectrum s && Arrays.equals(eigenvalues, s.eigenvalues)
                && Arrays.equals(multiplicities, s.multiplicities);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(eigenvalues) + Arrays.hashCode(multiplicities);
    }

    @Override
    public String toString() {
        return "DiscreteSpectrum[d=" + dimension + ", groups=" + eigenvalues.length + ", mean=" + mean
                + ", m2=" + secondMoment + "]";
    }
}
