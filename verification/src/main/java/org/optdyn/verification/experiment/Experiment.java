package org.optdyn.verification.experiment;

/**
 * One checkable claim of the theory: builds the prediction (theory) and the simulation (engine/games), compares
 * them with a stated metric, and reports whether the discrepancy lies within a tolerance derived from the theory.
 *
 * <p>Implementations are deterministic given {@link RunConfig#seed()} (all random streams split from it) and
 * independent of {@link RunConfig#threads()}.
 */
public interface Experiment {

    /** @return a stable kebab-case identifier, e.g. {@code ls-constant-lr-concentration}. */
    String name();

    /** @return the claim in words, one or two sentences. */
    String claim();

    /** @return where the claim comes from: paper, theorem or equation, and the theory doc section. */
    String source();

    /**
     * Runs the experiment at the requested size.
     *
     * @param config size, master seed, thread count and a progress sink
     * @return the checks, figures and exact parameters of the run
     */
    ExperimentResult run(RunConfig config);
}
