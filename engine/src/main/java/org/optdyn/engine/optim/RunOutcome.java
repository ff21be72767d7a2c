package org.optdyn.engine.optim;

import java.util.Objects;

/** How a run of {@link Optimizer#run} ended: all steps done, or stopped when the parameters became non-finite. */
public sealed interface RunOutcome permits RunOutcome.Completed, RunOutcome.Diverged {

    /** @return the number of steps taken. */
    long steps();

    /**
     * Every requested step was taken and the parameters stayed finite.
     *
     * @param steps the number of steps taken
     */
    record Completed(long steps) implements RunOutcome {
    }

    /**
     * The run stopped after step {@code step} (1-based) because the parameters were no longer finite.
     *
     * @param step   the step after which the parameters were first non-finite ({@code steps() == step})
     * @param reason what was observed
     */
    record Diverged(long step, String reason) implements RunOutcome {

        /** Validates the fields. */
        public Diverged {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public long steps() {
            return step;
        }
    }
}
