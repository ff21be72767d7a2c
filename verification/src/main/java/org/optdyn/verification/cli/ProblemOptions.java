package org.optdyn.verification.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.optdyn.engine.spectrum.DiscreteSpectrum;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.ModelKind;
import org.optdyn.engine.stream.TimeGrid;
import org.optdyn.theory.spectrum.SpectrumSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The problem flags shared by {@code ode} and {@code simulate} (sgd-ode.md conventions: X₀ = 0, ‖X*‖ = 1 with
 * isotropic direction, step multiplier g/d, time t = k/d).
 */
final class ProblemOptions {

    /** Decades covered below {@code --tmax} by the log-spaced grid. */
    static final double DECADES = 3;

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
    LearningRateRule lr;

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
    record Problem(ModelKind model, DiscreteSpectrum spectrum, LearningRateRule lr, double noise, int d,
                   TimeGrid times, WarmStart warm) {
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
        TimeGrid times = orUsageError(cl, () -> outputTimes(grid, tmax, points));
        return new Problem(model, sp, lr, noise, dim, times, warm);
    }

    /**
     * @return the times of {@code --grid}, else t = 0 and {@code --points} − 1 times log-spaced over the
     *         {@value #DECADES} decades below {@code --tmax} (defaults 41 and 10)
     * @throws IllegalArgumentException with a one-line message naming the flag
     */
    static TimeGrid outputTimes(String grid, Double tmax, Integer points) {
        if (grid != null) {
            try {
                return TimeGrid.parse(grid);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--grid " + e.getMessage(), e);
            }
        }
        try {
            return TimeGrid.decadesBelow(tmax == null ? 10 : tmax, points == null ? 41 : points, DECADES);
        } catch (IllegalArgumentException e) {
            // the message starts with the argument's name, tmax or points: the flag's name without "--"
            throw new IllegalArgumentException("--" + e.getMessage(), e);
        }
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
