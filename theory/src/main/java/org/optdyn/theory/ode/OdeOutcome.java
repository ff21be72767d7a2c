package org.optdyn.theory.ode;

/** How an ODE integration ended: it reached the last grid time, or the risk blew up / became non-finite. */
public sealed interface OdeOutcome {

    /** The curves recorded (all grid times if completed, those before the blow-up otherwise). */
    OdeTrajectory trajectory();

    /** Whether the whole grid was reached. */
    default boolean completed() {
        return this instanceof Completed;
    }

    /** The trajectory if completed. @throws IllegalStateException on divergence, with its time and reason */
    default OdeTrajectory orElseThrow() {
        return switch (this) {
            case Completed c -> c.trajectory();
            case Diverged d -> throw new IllegalStateException("ODE diverged at t = " + d.time() + ": " + d.reason());
        };
    }

    /** The integration reached the last grid time. */
    record Completed(OdeTrajectory trajectory) implements OdeOutcome {
    }

    /**
     * The integration stopped at time {@code time}: the risk exceeded the divergence threshold
     * ({@link OdeOptions#divergenceFactor()} × R(0)), became non-finite, or the learning rule became undefined.
     *
     * @param time       ODE time of the stop
     * @param reason     human-readable cause
     * @param trajectory the grid points recorded before the stop
     */
    record Diverged(double time, String reason, OdeTrajectory trajectory) implements OdeOutcome {
    }
}
