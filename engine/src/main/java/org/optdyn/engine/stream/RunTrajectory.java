package org.optdyn.engine.stream;

/**
 * The result of one run of a stream solver ({@link StreamingSimulator}, {@link HomogenizedSgd}): its index and the
 * observables it recorded (all grid steps for a completed run; those before the blow-up for a diverged one).
 *
 * @param run        the run index (its random stream number)
 * @param trajectory the recorded observables
 */
public record RunTrajectory(int run, Trajectory trajectory) {
}
