package org.optdyn.games;

import java.util.Objects;

/** The result of a solver run: it completed, or it diverged (reported as a result, never as NaN curves). */
public sealed interface SolverOutcome {

    /** @return the recorded trajectory (up to divergence, excluding the non-finite or exploded iterate). */
    Trajectory trajectory();

    /**
     * All requested steps were taken.
     *
     * @param trajectory {@code t = 0..steps}
     */
    record Completed(Trajectory trajectory) implements SolverOutcome {
        public Completed {
            Objects.requireNonNull(trajectory, "trajectory");
        }
    }

    /**
     * The run stopped because {@code ‖w_t - w*‖} exceeded the divergence threshold or became non-finite.
     *
     * @param step       the first step {@code t} at which divergence was detected
     * @param reason     what was detected
     * @param trajectory the iterates {@code 0..step-1}
     */
    record Diverged(int step, String reason, Trajectory trajectory) implements SolverOutcome {
        public Diverged {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(trajectory, "trajectory");
        }
    }
}
