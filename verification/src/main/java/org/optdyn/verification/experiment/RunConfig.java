package org.optdyn.verification.experiment;

import java.util.Objects;

/**
 * How to run an experiment.
 *
 * @param size     {@link Size#TEST} for the JUnit suite and a quick report, {@link Size#FULL} for the paper-size run
 * @param seed     master seed; every random stream of the run is split from it
 * @param threads  worker threads (results must not depend on it), at least 1
 * @param progress receives progress of long runs; never null
 */
public record RunConfig(Size size, long seed, int threads, Progress progress) {

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

    /** @return a test-size configuration with the given seed, all available cores and no progress output. */
    public static RunConfig test(long seed) {
        return new RunConfig(Size.TEST, seed, Runtime.getRuntime().availableProcessors(), Progress.NONE);
    }
}
