/**
 * Deterministic ODE equivalents of streaming (one-pass) SGD with fixed and adaptive learning rates
 * (docs/theory/sgd-ode.md; [HL] Collins-Woodfin et al., "The High Line", NeurIPS 2024; [HN] "Hitting the
 * High-Dimensional Notes").
 *
 * <p>Entry point: build an {@link org.optdyn.theory.ode.OdeProblem} from a
 * {@link org.optdyn.theory.ode.GlmModel} ({@code ls}, {@code logistic}, {@code phase-retrieval}), a
 * {@link org.optdyn.engine.spectrum.DiscreteSpectrum}, a {@link org.optdyn.engine.stream.LearningRateRule}
 * ({@code const:γ}, {@code adagrad-norm:η,b}, {@code line-search}, {@code polyak}, schedules), the noise standard
 * deviation ω, {@link org.optdyn.theory.ode.InitialOverlaps} (isotropic default X₀ = 0, ‖X*‖ = 1), a
 * {@link org.optdyn.engine.stream.TimeGrid} and {@link org.optdyn.theory.ode.OdeOptions} (rtol), then call
 * {@link org.optdyn.theory.ode.HighLineOde#solve}: the result is an
 * {@link org.optdyn.engine.outcome.Outcome} ({@code Completed} or {@code Diverged(step, time, reason, partial)}) of an
 * {@link org.optdyn.theory.ode.OdeTrajectory} (risk, learning rate, B, D², per-group overlaps on the grid).
 *
 * <p>Cross-checks and closed forms: {@link org.optdyn.theory.ode.HighLineClosedForms} (§3.3 threshold, noise floor, decay
 * rate; §4.3–4.5 AdaGrad-Norm limits; §5 line search and Polyak), {@link org.optdyn.theory.ode.LeastSquaresVolterra}
 * (§3.2), {@link org.optdyn.theory.ode.FiniteDimensionalMeans} (§3.4, exact finite-d means for the simulator).
 */
package org.optdyn.theory.ode;
