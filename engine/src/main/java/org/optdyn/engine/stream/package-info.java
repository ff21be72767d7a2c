/**
 * Streaming (one-pass) problems with Gaussian data {@code a ~ N(0, K)} and the simulator that runs an optimizer
 * over fresh samples, recording observables on a time grid (sgd-ode.md §1, §8).
 *
 * <pre>{@code
 * var spec = SimulationSpec.of(Covariance.diagonal(Spectra.twoPoint(1024, 1, 0.25)),
 *         new LabelModel.LeastSquares(0.5), new LearningRateRule.AdaGradNorm(1, 1),
 *         InitialCondition.zeroStartUnitTarget(), StepGrid.linear(10, 50, 1024));
 * List<Outcome<RunTrajectory>> runs = StreamingSimulator.runMany(spec, masterSeed, 30, threads);
 * }</pre>
 * Each {@link org.optdyn.engine.outcome.Outcome} is either completed or diverged (with the step and time of
 * blow-up); its {@link org.optdyn.engine.stream.RunTrajectory} names the run and its
 * {@link org.optdyn.engine.stream.Trajectory}, which holds t, the learning rate, the overlap matrix B, |X - X*|^2,
 * |X|^2 and optionally the per-eigenvalue overlaps. Risks are evaluated from B by the theory layer.
 *
 * <p>{@link org.optdyn.engine.stream.HomogenizedSgd} solves homogenized SGD (an SDE, sgd-ode.md §6) on the same
 * {@link org.optdyn.engine.stream.SimulationSpec} and returns the same outcomes, recorded on the same grid:
 * {@code HomogenizedSgd.runMany(spec, masterSeed, 30, threads)}. For least squares,
 * {@link org.optdyn.engine.stream.HomogenizedMeans} gives the exact finite-d means of its Euler–Maruyama chain.
 */
package org.optdyn.engine.stream;
