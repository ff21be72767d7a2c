package org.optdyn.engine.stream;

/**
 * The result of one run: it either completed the horizon, or diverged (sgd-ode.md §8 step 8) — then the step and
 * time of blow-up are the result, and the trajectory holds the finite records before it.
 */
public sealed interface RunOutcome {

    /** @return the recorded observables (all records for a completed run; those before blow-up otherwise). */
    Trajectory trajectory();

    /** @return the run index (its random stream number). */
    int run();

    /** The run reached the last grid step. */
    record Completed(int run, Trajectory trajectory) implements RunOutcome {
    }

    /**
     * The run blew up.
     *
     * @param step   the SGD step at which divergence was detected
     * @param time   {@code step / d}
     * @param reason what was seen (non-finite value, or the risk proxy against its threshold)
     */
    record Diverged(int run, long step, double time, String reason, Trajectory trajectory) implements RunOutcome {
    }
}
