package org.optdyn.verification.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import org.optdyn.engine.stream.Spectra;

/**
 * The {@code --spectrum} flag of {@code ode} and {@code simulate}: the eigenvalues of the data covariance K,
 * with the conventions of sgd-ode.md §8, item 2.
 *
 * <ul>
 *   <li>{@code identity}: λ_i = 1;</li>
 *   <li>{@code two-point:L1,L2}: exactly d/2 eigenvalues L1 (indices 0..d/2-1), then d/2 eigenvalues L2 (d even);</li>
 *   <li>{@code power-law:BETA}: λ_i = ((i − ½)/d)^{1/(1−β)}, i = 1..d, β &lt; 1 — the quantiles of the density
 *       (1−β)λ^{−β} on (0, 1);</li>
 *   <li>{@code hl-family:S}: λ_i = d (i/(d+1))^{−2/s} / Σ_j (j/(d+1))^{−2/s}, s &gt; 2 — the [HL] Fig. 2/3 family,
 *       mean 1 (sgd-ode.md §9 item 8);</li>
 *   <li>{@code list:L1,L2,...} and {@code file:PATH}: k given eigenvalues, each with multiplicity d/k (so d must be a
 *       multiple of k; without {@code --d}, d = k). A file holds numbers separated by commas, blanks or new lines;
 *       {@code #} starts a comment.</li>
 * </ul>
 * Every eigenvalue must be finite and ≥ 0, and at least one &gt; 0. The formulas are the engine's
 * {@link Spectra} (this type adds the parsing and the command-line messages).
 */
sealed interface SpectrumSpec {

    /** @return the d eigenvalues λ_1..λ_d */
    double[] eigenvalues(int d);

    /** @return d when the spectrum fixes it (list, file), else {@code fallback} */
    default int defaultDimension(int fallback) {
        return fallback;
    }

    /** λ_i = 1. */
    record Identity() implements SpectrumSpec {
        @Override
        public double[] eigenvalues(int d) {
            checkD(d);
            return Spectra.identity(d);
        }
    }

    /** d/2 eigenvalues {@code l1}, then d/2 eigenvalues {@code l2}. */
    record TwoPoint(double l1, double l2) implements SpectrumSpec {
        public TwoPoint {
            checkEigen("two-point L1", l1);
            checkEigen("two-point L2", l2);
            if (l1 == 0 && l2 == 0) {
                throw new IllegalArgumentException("two-point: at least one eigenvalue must be > 0");
            }
        }

        @Override
        public double[] eigenvalues(int d) {
            checkD(d);
            if (d % 2 != 0) {
                throw new IllegalArgumentException("two-point spectrum needs an even dimension --d, got " + d);
            }
            return Spectra.twoPoint(d, l1, l2);
        }
    }

    /** Quantiles of (1−β)λ^{−β} on (0,1). */
    record PowerLaw(double beta) implements SpectrumSpec {
        public PowerLaw {
            if (!(beta < 1) || !Double.isFinite(beta)) {
                throw new IllegalArgumentException("power-law BETA must be finite and < 1, got " + beta);
            }
        }

        @Override
        public double[] eigenvalues(int d) {
            checkD(d);
            return Spectra.powerLawQuantiles(d, beta);
        }
    }

    /** The [HL] Fig. 2/3 family with parameter s &gt; 2, normalized to mean 1. */
    record HlFamily(double s) implements SpectrumSpec {
        public HlFamily {
            if (!(s > 2) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("hl-family S must be finite and > 2, got " + s);
            }
        }

        @Override
        public double[] eigenvalues(int d) {
            checkD(d);
            return Spectra.highLineFamily(d, s);
        }
    }

    /** k given eigenvalues, each repeated d/k times. */
    record Listed(String origin, double[] values) implements SpectrumSpec {
        public Listed {
            if (values.length == 0) {
                throw new IllegalArgumentException(origin + ": no eigenvalues given");
            }
            boolean positive = false;
            for (int i = 0; i < values.length; i++) {
                checkEigen(origin + " eigenvalue #" + (i + 1), values[i]);
                positive |= values[i] > 0;
            }
            if (!positive) {
                throw new IllegalArgumentException(origin + ": at least one eigenvalue must be > 0");
            }
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public int defaultDimension(int fallback) {
            return values.length;
        }

        @Override
        public double[] eigenvalues(int d) {
            checkD(d);
            int k = values.length;
            if (d % k != 0) {
                throw new IllegalArgumentException(origin + " gives " + k + " eigenvalues; --d must be a multiple of "
                        + k + ", got " + d);
            }
            var l = new double[d];
            int m = d / k;
            for (int j = 0; j < k; j++) {
                Arrays.fill(l, j * m, (j + 1) * m, values[j]);
            }
            return l;
        }
    }

    /**
     * Parses a {@code --spectrum} value.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad part
     */
    static SpectrumSpec parse(String spec) {
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
                var v = Numbers.list("two-point", arg);
                if (v.length != 2) {
                    throw new IllegalArgumentException("two-point needs two eigenvalues L1,L2, got '" + arg + "'");
                }
                yield new TwoPoint(v[0], v[1]);
            }
            case "power-law" -> new PowerLaw(Numbers.one("power-law BETA", arg));
            case "hl-family" -> new HlFamily(Numbers.one("hl-family S", arg));
            case "list" -> new Listed("list", Numbers.list("list", arg));
            case "file" -> {
                if (arg.isBlank()) {
                    throw new IllegalArgumentException("file: needs a path, e.g. file:eigenvalues.txt");
                }
                yield new Listed("file " + arg, readFile(Path.of(arg)));
            }
            default -> throw new IllegalArgumentException("unknown spectrum '" + spec + "'; expected identity, "
                    + "two-point:L1,L2, power-law:BETA, hl-family:S, list:L1,L2,... or file:PATH");
        };
    }

    private static double[] readFile(Path p) {
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + p);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + p + ": " + e.getMessage());
        }
        var values = new ArrayList<Double>();
        var lines = text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            var line = lines[n];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            for (var tok : line.split("[,\\s]+")) {
                if (!tok.isBlank()) {
                    try {
                        values.add(Double.parseDouble(tok));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(p + " line " + (n + 1) + ": not a number: '" + tok + "'");
                    }
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void checkD(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("--d must be >= 1, got " + d);
        }
    }

    private static void checkEigen(String what, double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException(what + " must be finite and >= 0, got " + v);
        }
    }
}
