package org.optdyn.engine.spectrum;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The named finite-d spectra of the simulation protocol (sgd-ode.md §8 step 2): the one place their formulas, their
 * normalizations and their coordinate orders are written. Each factory returns a {@link DiscreteSpectrum}; the
 * simulator reads it per coordinate ({@link DiscreteSpectrum#coordinateEigenvalues()}), the ODE per group. The
 * constant spectra (identity, two-point, listed values) are built as groups, so d may exceed an array's length;
 * the spectra with d distinct eigenvalues accept d up to {@value #MAX_DISTINCT}.
 *
 * <p>The text syntax of these spectra (and of the Marchenko–Pastur quantiles, which need the theory's law) is
 * {@code org.optdyn.theory.spectrum.SpectrumSpec}.
 */
public final class Spectra {

    /** The largest d of the factories that store d distinct eigenvalues. */
    public static final long MAX_DISTINCT = 100_000_000L;

    private Spectra() {
    }

    /** K = I_d: λ_i = 1, one group of multiplicity d. */
    public static DiscreteSpectrum identity(long d) {
        requireDimension(d);
        return DiscreteSpectrum.ofGroups(new double[] {1.0}, new long[] {d});
    }

    /**
     * Two-point spectrum (sgd-ode.md §8, §9 item 9): exactly d/2 eigenvalues λ₁ (coordinates 0..d/2−1), then d/2
     * eigenvalues λ₂.
     *
     * @param d even dimension ≥ 2
     */
    public static DiscreteSpectrum twoPoint(long d, double lambda1, double lambda2) {
        requireDimension(d);
        if (d % 2 != 0) {
            throw new IllegalArgumentException("two-point spectrum needs an even dimension d, got " + d);
        }
        return DiscreteSpectrum.ofGroups(new double[] {lambda1, lambda2}, new long[] {d / 2, d / 2});
    }

    /**
     * Power-law quantile spectrum (sgd-ode.md §4.6, §8): λ_i = ((i−½)/d)^{1/(1−β)}, i = 1..d, the quantiles of the
     * density (1−β)λ^{−β} on (0, 1). Mean (1−β)/(2−β) as d → ∞.
     *
     * @param beta β &lt; 1, finite
     */
    public static DiscreteSpectrum powerLaw(long d, double beta) {
        if (!(beta < 1) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and < 1, got " + beta);
        }
        return quantiles(d, u -> Math.pow(u, 1 / (1 - beta)));
    }

    /**
     * The [HL] Fig. 2/3 family (sgd-ode.md §8, §9 item 8): λ_i = d (i/(d+1))^{−2/s} / Σ_j (j/(d+1))^{−2/s},
     * i = 1..d, normalized to mean 1 (so the stability threshold is 2 for every s).
     *
     * @param s s &gt; 2, finite
     */
    public static DiscreteSpectrum highLineFamily(long d, double s) {
        requireDistinct(d);
        if (!(s > 2) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("s must be finite and > 2, got " + s);
        }
        double[] l = new double[(int) d];
        double sum = 0;
        for (int i = 1; i <= d; i++) {
            l[i - 1] = Math.pow(i / (d + 1.0), -2 / s);
            sum += l[i - 1];
        }
        for (int i = 0; i < d; i++) {
            l[i] = l[i] * d / sum;
        }
        return DiscreteSpectrum.ofEigenvalues(l);
    }

    /**
     * The quantile spectrum of a law on [0, ∞): λ_i = max(0, F⁻¹((i−½)/d)), i = 1..d (the rule §8 uses for the
     * power law; the max folds rounding below 0 into 0).
     *
     * @param quantile F⁻¹ on (0, 1), non-decreasing
     */
    public static DiscreteSpectrum quantiles(long d, DoubleUnaryOperator quantile) {
        requireDistinct(d);
        double[] l = new double[(int) d];
        for (int i = 1; i <= d; i++) {
            l[i - 1] = Math.max(0.0, quantile.applyAsDouble((i - 0.5) / d));
        }
        return DiscreteSpectrum.ofEigenvalues(l);
    }

    /**
     * Listed eigenvalues: value j stands for {@code counts[j]} coordinates, and the whole list is stretched to d by
     * repeating each coordinate d/n times, n = Σ counts (so {@code list(1000, {1, 0.25}, {1, 1})} is the two-point
     * spectrum at d = 1000). Equal values are merged into one group, so the coordinates follow the canonical order
     * of {@link DiscreteSpectrum}: the groups' blocks in order of first appearance.
     *
     * @param d      a positive multiple of n
     * @param values eigenvalues ≥ 0, finite (read)
     * @param counts coordinates per value, each ≥ 1 (read)
     */
    public static DiscreteSpectrum list(long d, double[] values, long[] counts) {
        requireDimension(d);
        if (values.length == 0 || values.length != counts.length) {
            throw new IllegalArgumentException("need as many counts as values (at least one), got " + values.length
                    + " values and " + counts.length + " counts");
        }
        long n = 0;
        for (long c : counts) {
            if (c < 1) {
                throw new IllegalArgumentException("counts must be >= 1, got " + Arrays.toString(counts));
            }
            n = Math.addExact(n, c);
        }
        if (d % n != 0) {
            throw new IllegalArgumentException("the list gives " + n + " eigenvalues; d must be a multiple of " + n
                    + ", got " + d);
        }
        long[] multiplicities = new long[counts.length];
        for (int j = 0; j < counts.length; j++) {
            multiplicities[j] = Math.multiplyExact(counts[j], d / n);
        }
        return DiscreteSpectrum.ofGroups(values, multiplicities);
    }

    private static void requireDimension(long d) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
    }

    private static void requireDistinct(long d) {
        requireDimension(d);
        if (d > MAX_DISTINCT) {
            throw new IllegalArgumentException("d = " + d + " distinct eigenvalues is beyond this factory's limit "
                    + MAX_DISTINCT);
        }
    }
}
