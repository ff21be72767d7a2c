package org.optdyn.theory.spectrum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Factories for the discrete spectra of sgd-ode.md §8 (simulation protocol), with its normalizations and
 * coordinate orders, and a parser for the command-line spectrum syntax. The per-coordinate formulas (power law,
 * [HL] family) live once, in the engine's {@link org.optdyn.engine.stream.Spectra}; this class groups the engine's
 * arrays into a {@link DiscreteSpectrum} (the constant spectra, identity and two-point, are built as groups
 * directly, so d may exceed an array's length).
 *
 * <table>
 *   <caption>spec syntax of {@link #parse(String, long)}</caption>
 *   <tr><td>{@code identity}</td><td>λ_i = 1</td></tr>
 *   <tr><td>{@code two-point:L1,L2}</td><td>d/2 eigenvalues L1 (first), d/2 eigenvalues L2</td></tr>
 *   <tr><td>{@code power-law:BETA}</td><td>λ_i = ((i−½)/d)^{1/(1−β)}, i = 1..d</td></tr>
 *   <tr><td>{@code hl-family:S}</td><td>[HL] Fig. 2/3: λ_i ∝ (i/(d+1))^{−2/s}, mean 1</td></tr>
 *   <tr><td>{@code marchenko-pastur:R[,S2]}</td><td>quantiles ((i−½)/d) of MP(r, σ²) (default σ² = 1, mean 1)</td></tr>
 *   <tr><td>{@code list:V1,V2,...}</td><td>the listed values, each repeated d/len times; {@code V*N} = N copies</td></tr>
 *   <tr><td>{@code file:PATH}</td><td>as {@code list}, values read from a text file (whitespace/commas, # comments)</td></tr>
 * </table>
 */
public final class Spectra {

    private Spectra() {
    }

    /** K = I_d: one group of multiplicity d. */
    public static DiscreteSpectrum identity(long d) {
        checkDimension(d);
        return DiscreteSpectrum.ofGroups(new double[]{1.0}, new long[]{d});
    }

    /**
     * Two-point spectrum (sgd-ode.md §8, §9 item 9): exactly d/2 eigenvalues λ₁ (coordinates 0..d/2−1) and d/2
     * eigenvalues λ₂.
     *
     * @param d even dimension ≥ 2
     */
    public static DiscreteSpectrum twoPoint(double lambda1, double lambda2, long d) {
        checkDimension(d);
        if (d % 2 != 0) {
            throw new IllegalArgumentException("d must be even for a two-point spectrum, got " + d);
        }
        return DiscreteSpectrum.ofGroups(new double[]{lambda1, lambda2}, new long[]{d / 2, d / 2});
    }

    /**
     * Power-law quantile spectrum (sgd-ode.md §4.6, §8): λ_i = ((i−½)/d)^{1/(1−β)}, i = 1..d — the quantiles of the
     * density (1−β)λ^{−β} on (0,1). Mean (1−β)/(2−β) as d → ∞.
     *
     * @param beta β &lt; 1
     */
    public static DiscreteSpectrum powerLaw(double beta, long d) {
        checkDimension(d);
        checkIntDimension(d);
        if (!(beta < 1) || Double.isNaN(beta) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and < 1, got " + beta);
        }
        return DiscreteSpectrum.ofEigenvalues(org.optdyn.engine.stream.Spectra.powerLawQuantiles((int) d, beta));
    }

    /**
     * The [HL] Fig. 2/3 family (sgd-ode.md §8, §9 item 8): λ_i = d (i/(d+1))^{−2/s} / Σ_j (j/(d+1))^{−2/s},
     * i = 1..d, normalized to mean exactly 1 (so the stability threshold is 2 for every s).
     *
     * @param s s &gt; 2
     */
    public static DiscreteSpectrum hlFamily(double s, long d) {
        checkDimension(d);
        checkIntDimension(d);
        if (!(s > 2) || Double.isInfinite(s)) {
            throw new IllegalArgumentException("s must be finite and > 2, got " + s);
        }
        return DiscreteSpectrum.ofEigenvalues(org.optdyn.engine.stream.Spectra.highLineFamily((int) d, s));
    }

    /**
     * Marchenko–Pastur quantile spectrum: λ_i = F⁻¹((i−½)/d), i = 1..d, for the law MP(r, σ²) of
     * {@link MarchenkoPastur} (mean σ², support σ²(1 ± √r)², an atom 1 − 1/r at 0 when r &gt; 1, which becomes one
     * group of zero eigenvalues). The quantile-at-(i−½)/d rule is the one §8 uses for the power law; with σ² = 1 the
     * mean eigenvalue tends to 1, so the stability threshold tends to 2.
     *
     * @param ratio  r = d/n &gt; 0
     * @param sigma2 σ² &gt; 0
     */
    public static DiscreteSpectrum marchenkoPastur(double ratio, double sigma2, long d) {
        checkDimension(d);
        checkIntDimension(d);
        var mp = new MarchenkoPastur(ratio, sigma2);
        double[] ev = new double[(int) d];
        for (int i = 1; i <= d; i++) {
            ev[i - 1] = Math.max(0.0, mp.quantile((i - 0.5) / d));
        }
        return DiscreteSpectrum.ofEigenvalues(ev);
    }

    /**
     * Listed eigenvalues, each repeated d/len times (so {@code list(1000, 1, 0.25)} is the N3 two-point spectrum
     * at d = 1000).
     *
     * @param d      a positive multiple of {@code values.length}
     * @param values eigenvalues ≥ 0 (read)
     */
    public static DiscreteSpectrum list(long d, double... values) {
        checkDimension(d);
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("values must be non-empty");
        }
        if (d % values.length != 0) {
            throw new IllegalArgumentException("d = " + d + " is not a multiple of the list length " + values.length);
        }
        long[] mult = new long[values.length];
        java.util.Arrays.fill(mult, d / values.length);
        return DiscreteSpectrum.ofGroups(values, mult);
    }

    /**
     * Eigenvalues read from a text file: numbers separated by whitespace, commas or newlines, {@code #} starts a
     * comment, {@code V*N} stands for N copies of V. With {@code d > 0} each listed coordinate is repeated
     * d/len times; with {@code d ≤ 0} the file fixes d.
     */
    public static DiscreteSpectrum fromFile(Path path, long d) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spectrum file " + path, e);
        }
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            int hash = line.indexOf('#');
            sb.append(hash >= 0 ? line.substring(0, hash) : line).append(' ');
        }
        return fromTokens(sb.toString(), d, "file " + path);
    }

    /**
     * Parses the command-line spectrum syntax (see the class table).
     *
     * @param spec the spec string
     * @param d    dimension; for {@code list}/{@code file}, d ≤ 0 means "as listed"
     */
    public static DiscreteSpectrum parse(String spec, long d) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("spectrum spec must be non-empty, got '" + spec + "'");
        }
        String s = spec.trim();
        int colon = s.indexOf(':');
        String kind = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(Locale.ROOT);
        String arg = colon < 0 ? "" : s.substring(colon + 1);
        try {
            return switch (kind) {
                case "identity" -> identity(d);
                case "two-point" -> {
                    String[] p = arg.split(",");
                    if (p.length != 2) {
                        throw new IllegalArgumentException("two-point needs L1,L2, got '" + arg + "'");
                    }
                    yield twoPoint(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()), d);
                }
                case "power-law" -> powerLaw(Double.parseDouble(arg.trim()), d);
                case "hl-family" -> hlFamily(Double.parseDouble(arg.trim()), d);
                case "marchenko-pastur", "mp" -> {
                    String[] p = arg.split(",");
                    if (p.length < 1 || p.length > 2 || p[0].isBlank()) {
                        throw new IllegalArgumentException("marchenko-pastur needs R[,SIGMA2], got '" + arg + "'");
                    }
                    yield marchenkoPastur(Double.parseDouble(p[0].trim()),
                            p.length == 2 ? Double.parseDouble(p[1].trim()) : 1.0, d);
                }
                case "list" -> fromTokens(arg, d, "list");
                case "file" -> fromFile(Path.of(arg.trim()), d);
                default -> throw new IllegalArgumentException("unknown spectrum kind '" + kind + "' in '" + spec
                        + "' (identity, two-point:L1,L2, power-law:BETA, hl-family:S, marchenko-pastur:R[,S2], "
                        + "list:..., file:PATH)");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed number in spectrum spec '" + spec + "'", e);
        }
    }

    private static DiscreteSpectrum fromTokens(String text, long d, String source) {
        List<Double> values = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (String tok : text.trim().split("[\\s,]+")) {
            if (tok.isEmpty()) {
                continue;
            }
            int star = tok.indexOf('*');
            try {
                values.add(Double.parseDouble(star < 0 ? tok : tok.substring(0, star)));
                counts.add(star < 0 ? 1L : Long.parseLong(tok.substring(star + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("malformed token '" + tok + "' in " + source, e);
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no eigenvalues in " + source);
        }
        long listed = counts.stream().mapToLong(Long::longValue).sum();
        long factor = 1;
        if (d > 0) {
            if (d % listed != 0) {
                throw new IllegalArgumentException("d = " + d + " is not a multiple of the " + listed
                        + " coordinates listed in " + source);
            }
            factor = d / listed;
        }
        double[] ev = new double[values.size()];
        long[] mult = new long[values.size()];
        for (int j = 0; j < ev.length; j++) {
            ev[j] = values.get(j);
            mult[j] = Math.multiplyExact(counts.get(j), factor);
        }
        return DiscreteSpectrum.ofGroups(ev, mult);
    }

    private static void checkDimension(long d) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
    }

    private static void checkIntDimension(long d) {
        if (d > 100_000_000L) {
            throw new IllegalArgumentException("d = " + d + " distinct eigenvalues is beyond this factory's limit 1e8");
        }
    }
}
