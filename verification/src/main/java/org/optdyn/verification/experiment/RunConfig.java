package org.optdyn.verification.experiment;

import java.util.Objects;

/**
 * How to run an experiment.
 *
 * @param size     {@link Size#TEST} for the JUnit suite and a quick report, {@link Size#FULL} for the paper-size run
 * @param seed     master seed; every random stream of the run is split from it
 * @param threads  worker threads (results must not depend on it), at least 1
 * @param progress receives progress of long runs; never null
 * @param sabotage whether each experiment perturbs its own prediction by its stated resolution (the smallest error
 *                 it claims to detect): a sabotaged run must fail, which proves the oracle can say no
 */
public record RunConfig(Size size, long seed, int threads, Progress progress, boolean sabotage) {

    /** Experiment sizes. */
    public enum Size { TEST, FULL }

    /** A sink for progress of long runs: {@code done} of {@code total} work units of the current experiment. */
    @FunctionalInterface
    public interface Progress {
        /** Reports progress; called from any thread. */
        void advance(long done, long total);

        /** A sink that drops everything. */
        Progress NONE = (done, total) -> { };
    }

    public RunConfig {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(progress, "progress");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** A run that is not sabotaged. */
    public RunConfig(Size size, long seed, int threads, Progress progress) {
        this(size, seed, threads, progress, false);
    }

    /** @return this configuration with sabotage switched on */
    public RunConfig sabotaged() {
        return new RunConfig(size, seed, threads, progress, true);
    }

    /**
     * The prediction an experiment compares against: {@code prediction} itself, or under {@link #sabotage()} the
     * prediction times {@code 1 + relativeError}.
     *
     * @param prediction    the theory's value
     * @param relativeError the experiment's resolution, as a relative error
     * @return the value to compare the simulation with
     */
    public double predicted(double prediction, double relativeError) {
        return sabotage ? prediction * (1 + relativeError) : prediction;
    }

    /**
     * A predicted curve: {@code curve} itself, or under {@link #sabotage()} a copy scaled by {@code 1 + relativeError}.
     *
     * @param curve         the theory's values (read only)
     * @param relativeError the experiment's resolution, as a relative error
     * @return the values to compare the simulation with
     */
    public double[] predicted(double[] curve, double relativeError) {
        if (!sabotage) {
            return curve;
        }
        double[] out = curve.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= 1 + relativeError;
        }
        return out;
    }

    /**
     * A predicted exponent or other additive quantity: {@code prediction}, or under {@link #sabotage()}
     * {@code prediction + shift}.
     */
    public double predictedShifted(double prediction, double shift) {
        return sabotage ? prediction + shift : prediction;
    }

    /** @return a test-size configuration with the given seed, all available cores and no progress output. */
    public static RunConfig test(long seed) {
        return new RunConfig(Size.TEST, seed, Runtime.getRuntime().availableProcessors(), Progress.NONE);
    }
}
