package org.optdyn.verification.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.optdyn.engine.spectrum.DiscreteSpectrum;
import org.optdyn.engine.stream.ModelKind;
import org.optdyn.theory.spectrum.SpectrumSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The problem flags shared by {@code ode} and {@code simulate} (sgd-ode.md conventions: X₀ = 0, ‖X*‖ = 1 with
 * isotropic direction, step multiplier g/d, time t = k/d).
 */
final class ProblemOptions {

    @Option(names = "--model", paramLabel = "ls|logistic|phase-retrieval", defaultValue = "ls",
            converter = Converters.Model.class,
            description = "Loss: least squares, logistic regression (soft labels, risk = KL), or phase retrieval. "
                    + "Default: ${DEFAULT-VALUE}.")
    ModelKind model;

    @Option(names = "--spectrum", paramLabel = "SPEC", defaultValue = "identity",
            converter = Converters.Spectrum.class,
            description = {"Eigenvalues of the data covariance: identity | two-point:L1,L2 | power-law:BETA | "
                    + "hl-family:S | marchenko-pastur:R[,S2] (mp:R[,S2]) | list:L1,L2,... | file:PATH. list/file "
                    + "give k eigenvalues of multiplicity d/k; V*N in a list stands for N copies of V. "
                    + "Default: ${DEFAULT-VALUE}."})
    SpectrumSpec spectrum;

    @Option(names = "--lr", paramLabel = "RULE", defaultValue = "const:1", converter = Converters.LearningRate.class,
            description = "Learning rate: const:GAMMA | adagrad-norm:ETA,B | line-search | polyak. "
                    + "Default: ${DEFAULT-VALUE}.")
    LearningRateSpec lr;

    @Option(names = "--noise", paramLabel = "OMEGA", defaultValue = "0",
            description = "Label-noise standard deviation ω (ls, phase-retrieval). Default: ${DEFAULT-VALUE}.")
    double noise;

    @Option(names = "--start", paramLabel = "zero|warm:ALPHA,RHO", defaultValue = "zero",
            description = "Start X0: zero (default), or warm:ALPHA,RHO = ALPHA X* plus a random direction orthogonal "
                    + "to X* of norm RHO (phase retrieval needs it: X0 = 0 is a fixed point there).")
    String start;

    @Option(names = "--d", paramLabel = "D",
            description = "Dimension; spectrum families are evaluated at this d. Default: 1024, or the number of "
                    + "eigenvalues of list:/file:.")
    Integer d;

    @Option(names = "--grid", paramLabel = "T1,T2,...",
            description = "Output times (strictly increasing, >= 0).")
    String grid;

    @Option(names = "--tmax", paramLabel = "T",
            description = "Log-spaced grid instead of --grid: t = 0 and --points - 1 times from T/1000 to T. "
                    + "Default: 10.")
    Double tmax;

    @Option(names = "--points", paramLabel = "N", description = "Points of the log-spaced grid. Default: 41.")
    Integer points;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here instead of standard output.")
    Path out;

    /** The problem, validated: every bad combination is a usage error. */
    record Problem(ModelKind model, DiscreteSpectrum spectrum, LearningRateSpec lr, double noise, int d,
                   double[] times, WarmStart warm) {
    }

    /** X₀ = αX* + ρu with u ⊥ X* a unit vector; null in {@link Problem} means X₀ = 0. */
    record WarmStart(double alpha, double rho) {
        static WarmStart parse(String s) {
            var t = s.strip();
            if (t.equals("zero")) {
                return null;
            }
            if (!t.startsWith("warm:")) {
                throw new IllegalArgumentException("--start must be zero or warm:ALPHA,RHO, got '" + s + "'");
            }
            var v = Numbers.list("--start warm", t.substring(5));
            if (v.length != 2 || !Double.isFinite(v[0]) || !(v[1] >= 0) || !Double.isFinite(v[1])) {
                throw new IllegalArgumentException("--start warm:ALPHA,RHO needs finite ALPHA and RHO >= 0, got '"
                        + s + "'");
            }
            return new WarmStart(v[0], v[1]);
        }
    }

    Problem problem(CommandLine cl) {
        if (grid != null && (tmax != null || points != null)) {
            throw new CommandLine.ParameterException(cl, "give --grid or --tmax/--points, not both");
        }
        if (!Double.isFinite(noise) || noise < 0) {
            throw new CommandLine.ParameterException(cl, "--noise must be finite and >= 0, got " + noise);
        }
        if (!model.supportsNoise() && noise != 0) {
            throw new CommandLine.ParameterException(cl,
                    "--noise is not modelled for logistic regression (sgd-ode.md §9 item 3); use --noise 0");
        }
        if (d != null && d < 1) {
            throw new CommandLine.ParameterException(cl, "--d must be >= 1, got " + d);
        }
        int dim = d != null ? d : (int) Math.min(spectrum.defaultDimension(1024), Integer.MAX_VALUE);
        WarmStart warm = orUsageError(cl, () -> WarmStart.parse(start));
        DiscreteSpectrum sp = orUsageError(cl, () -> spectrum.spectrum(dim));
        double[] times = orUsageError(cl, () -> grid != null ? TimeGrid.parse(grid)
                : TimeGrid.logSpaced(tmax == null ? 10 : tmax, points == null ? 41 : points));
        return new Problem(model, sp, lr, noise, dim, times, warm);
    }

    /**
     * @return {@code build}'s value; its IllegalArgumentException (a bad flag value or combination found while
     *         building) becomes a usage error of {@code cl} (exit code 2) with the same message
     */
    static <T> T orUsageError(CommandLine cl, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    /** @return a writer to {@code --out} or to the command's standard output */
    PrintWriter output(CommandLine cl) throws IOException {
        if (out == null) {
            return cl.getOut();
        }
        Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        return new PrintWriter(w);
    }
}
