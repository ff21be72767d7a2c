package org.optdyn.engine.optim;

/**
 * The result of an {@link Optimizer#run}: how many steps it took (all requested ones when completed; up to and
 * including the step after which the parameters were first non-finite when diverged).
 *
 * @param taken the number of steps taken, {@code >= 0}
 */
public record Steps(long taken) {

    /** Validates the count. */
    public Steps {
        if (taken < 0) {
            throw new IllegalArgumentException("taken must be >= 0, got " + taken);
        }
    }
}
