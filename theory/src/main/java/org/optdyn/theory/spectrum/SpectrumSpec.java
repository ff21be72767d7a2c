package org.optdyn.theory.spectrum;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.optdyn.engine.spectrum.DiscreteSpectrum;
import org.optdyn.engine.spectrum.Spectra;

/**
 * A named spectrum with its parameters but without its dimension d, and the one text syntax of spectra (the
 * {@code --spectrum} flag of the command line). {@link #spectrum(long)} evaluates it at d with the engine's
 * {@link Spectra} (the Marchenko–Pastur quantiles with {@link MarchenkoPastur}, which needs this module).
 *
 * <table>
 *   <caption>syntax of {@link #parse(String)}: {@code KIND[:ARGUMENTS]}, the kind case-insensitive</caption>
 *   <tr><td>{@code identity}</td><td>λ_i = 1 (no argument)</td></tr>
 *   <tr><td>{@code two-point:L1,L2}</td><td>d/2 eigenvalues L1 (first), then d/2 eigenvalues L2; d even</td></tr>
 *   <tr><td>{@code power-law:BETA}</td><td>λ_i = ((i−½)/d)^{1/(1−β)}, i = 1..d, β &lt; 1</td></tr>
 *   <tr><td>{@code hl-family:S}</td><td>[HL] Fig. 2/3: λ_i ∝ (i/(d+1))^{−2/s}, mean 1, s &gt; 2</td></tr>
 *   <tr><td>{@code marchenko-pastur:R[,S2]}, {@code mp:R[,S2]}</td><td>quantiles at (i−½)/d of MP(r, σ²),
 *       r &gt; 0, σ² &gt; 0 (default 1: mean 1)</td></tr>
 *   <tr><td>{@code list:V1,V2,...}</td><td>listed eigenvalues, separated by commas and/or blanks (an empty
 *       value between commas is an error); {@code V*N} stands for N copies of V</td></tr>
 *   <tr><td>{@code file:PATH}</td><td>as {@code list}, read from a UTF-8 text file: numbers or {@code V*N}
 *       separated by commas, blanks or line breaks, {@code #} starts a comment</td></tr>
 * </table>
 * A list of n values (counting {@code V*N} as N) gives each value d/n times its count, in list order (equal values
 * form one group, {@link Spectra#list}), so d must be a multiple of n; without a d of its own the list fixes d = n
 * ({@link #defaultDimension(long)}). Every eigenvalue
 * must be finite and ≥ 0, and at least one &gt; 0. Every error is an {@link IllegalArgumentException} with a
 * one-line message naming the bad value.
 */
public sealed interface SpectrumSpec {

    /**
     * @param d the dimension, ≥ 1
     * @return the spectrum at dimension d
     * @throws IllegalArgumentException if the spectrum does not exist at d (odd d for two-point, d not a multiple of
     *                                  a list's length, ...)
     */
    DiscreteSpectrum spectrum(long d);

    /** @return the d the spectrum fixes (the number of listed values), else {@code fallback} */
    default long defaultDimension(long fallback) {
        return fallback;
    }

    /** λ_i = 1. */
    record Identity() implements SpectrumSpec {
        @Override
        public DiscreteSpectrum spectrum(long d) {
            return Spectra.identity(d);
        }
    }

    /** d/2 eigenvalues {@code lambda1}, then d/2 eigenvalues {@code lambda2}. */
    record TwoPoint(double lambda1, double lambda2) implements SpectrumSpec {
        public TwoPoint {
            requireEigenvalue("two-point L1", lambda1);
            requireEigenvalue("two-point L2", lambda2);
            if (lambda1 == 0 && lambda2 == 0) {
                throw new IllegalArgumentException("two-point: at least one eigenvalue must be > 0");
            }
        }

        @Override
        public DiscreteSpectrum spectrum(long d) {
            return Spectra.twoPoint(d, lambda1, lambda2);
        }
    }

    /** The quantiles of the density (1−β)λ^{−β} on (0, 1). */
    record PowerLaw(double beta) implements SpectrumSpec {
        public PowerLaw {
            if (!(beta < 1) || !Double.isFinite(beta)) {
                throw new IllegalArgumentException("power-law BETA must be finite and < 1, got " + beta);
            }
        }

        @Override
        public DiscreteSpectrum spectrum(long d) {
            return Spectra.powerLaw(d, beta);
        }
    }

    /** The [HL] Fig. 2/3 family with parameter s &gt; 2, normalized to mean 1. */
    record HighLineFamily(double s) implements SpectrumSpec {
        public HighLineFamily {
            if (!(s > 2) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("hl-family S must be finite and > 2, got " + s);
            }
        }

        @Override
        public DiscreteSpectrum spectrum(long d) {
            return Spectra.highLineFamily(d, s);
        }
    }

    /** The quantile spectrum of the Marchenko–Pastur law MP(r, σ²). */
    record MarchenkoPasturQuantiles(double ratio, double sigma2) implements SpectrumSpec {
        public MarchenkoPasturQuantiles {
            if (!(ratio > 0) || !Double.isFinite(ratio)) {
                throw new IllegalArgumentException("marchenko-pastur R must be finite and > 0, got " + ratio);
            }
            if (!(sigma2 > 0) || !Double.isFinite(sigma2)) {
                throw new IllegalArgumentException("marchenko-pastur S2 must be finite and > 0, got " + sigma2);
            }
        }

        @Override
        public DiscreteSpectrum spectrum(long d) {
            return new MarchenkoPastur(ratio, sigma2).quantileSpectrum(d);
        }
    }

    /**
     * Listed eigenvalues: {@code values[j]} stands for {@code counts[j]} of the listed coordinates.
     *
     * @param origin where the values come from ({@code list}, {@code file PATH}), for messages
     */
    record Listed(String origin, double[] values, long[] counts) implements SpectrumSpec {
        public Listed {
            if (values.length == 0) {
                throw new IllegalArgumentException(origin + ": no eigenvalues given");
            }
            if (counts.length != values.length) {
                throw new IllegalArgumentException(origin + ": " + values.length + " values but " + counts.length
                        + " counts");
            }
            boolean positive = false;
            for (int j = 0; j < values.length; j++) {
                requireEigenvalue(origin + " eigenvalue #" + (j + 1), values[j]);
                if (counts[j] < 1) {
                    throw new IllegalArgumentException(origin + " eigenvalue #" + (j + 1) + ": count must be >= 1, got "
                            + counts[j]);
                }
                positive |= values[j] > 0;
            }
            if (!positive) {
                throw new IllegalArgumentException(origin + ": at least one eigenvalue must be > 0");
            }
            values = values.clone();
            counts = counts.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public long[] counts() {
            return counts.clone();
        }

        @Override
        public long defaultDimension(long fallback) {
            return Arrays.stream(counts).reduce(0, Math::addExact);
        }

        @Override
        public DiscreteSpectrum spectrum(long d) {
            return Spectra.list(d, values, counts);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Listed l && origin.equals(l.origin) && Arrays.equals(values, l.values)
                    && Arrays.equals(counts, l.counts);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * origin.hashCode() + Arrays.hashCode(values)) + Arrays.hashCode(counts);
        }

        @Override
        public String toString() {
            return "Listed[origin=" + origin + ", values=" + Arrays.toString(values) + ", counts="
                    + Arrays.toString(counts) + "]";
        }
    }

    /**
     * Parses the spectrum syntax (see the class table).
     *
     * @throws IllegalArgumentException with a one-line message naming the bad part
     */
    static SpectrumSpec parse(String spec) {
        if (spec == null) {
            throw new IllegalArgumentException("spectrum must be non-null");
        }
        var s = spec.strip();
        int colon = s.indexOf(':');
        var kind = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(Locale.ROOT);
        var arg = colon < 0 ? "" : s.substring(colon + 1);
        return switch (kind) {
            case "identity" -> {
                if (colon >= 0) {
                    throw new IllegalArgumentException("'identity' takes no argument, got '" + spec + "'");
                }
                yield new Identity();
            }
            case "two-point" -> {
                var v = SpectrumSyntax.numbers("two-point", arg);
                if (v.length != 2) {
                    throw new IllegalArgumentException("two-point needs two eigenvalues L1,L2, got '" + arg + "'");
                }
                yield new TwoPoint(v[0], v[1]);
            }
            case "power-law" -> new PowerLaw(SpectrumSyntax.number("power-law BETA", arg));
            case "hl-family" -> new HighLineFamily(SpectrumSyntax.number("hl-family S", arg));
            case "marchenko-pastur", "mp" -> {
                var v = SpectrumSyntax.numbers("marchenko-pastur", arg);
                if (v.length > 2) {
                    throw new IllegalArgumentException("marchenko-pastur needs R[,S2], got '" + arg + "'");
                }
                yield new MarchenkoPasturQuantiles(v[0], v.length == 2 ? v[1] : 1.0);
            }
            case "list" -> SpectrumSyntax.listed("list", arg);
            case "file" -> {
                if (arg.isBlank()) {
                    throw new IllegalArgumentException("file: needs a path, e.g. file:eigenvalues.txt");
                }
                yield SpectrumSyntax.file(Path.of(arg.strip()));
            }
            default -> throw new IllegalArgumentException("unknown spectrum '" + spec + "'; expected identity, "
                    + "two-point:L1,L2, power-law:BETA, hl-family:S, marchenko-pastur:R[,S2] (mp:R[,S2]), "
                    + "list:V1,V2,... or file:PATH");
        };
    }

    private static void requireEigenvalue(String what, double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException(what + " must be finite and >= 0, got " + v);
        }
    }
}
