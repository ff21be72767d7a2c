/**
 * Optimizers as small state machines over parameter arrays (Optax's init/update over explicit state).
 *
 * <ul>
 *   <li><b>Update rules</b> take a gradient: {@link org.optdyn.engine.optim.DoubleUpdateRule} /
 *       {@link org.optdyn.engine.optim.FloatUpdateRule}, implemented by {@link org.optdyn.engine.optim.Sgd}
 *       (momentum, Nesterov, coupled weight decay), {@link org.optdyn.engine.optim.Adam} (bias correction,
 *       AMSGrad, AdamW's decoupled decay) and {@link org.optdyn.engine.optim.AdaGradNorm}, each with a
 *       {@code Float*} twin (as have the oracle steps except {@code PreconditionedSam}, the oracle and the driver).</li>
 *   <li><b>Oracle steps</b> query a {@link org.optdyn.engine.optim.GradientOracle} themselves, possibly more than
 *       once: {@link org.optdyn.engine.optim.Sam} (over any base rule), {@link org.optdyn.engine.optim.PreconditionedSam},
 *       {@link org.optdyn.engine.optim.Extragradient}, {@link org.optdyn.engine.optim.OptimisticGradient}; any rule
 *       becomes one through {@link org.optdyn.engine.optim.DoubleOracleStep#of}. For a smooth game, pass its vector
 *       field as the oracle.</li>
 *   <li><b>Learning rates</b> are given per step; {@link org.optdyn.engine.optim.LearningRateSchedule} values
 *       (constant, step, cosine, linear warmup) and the {@link org.optdyn.engine.optim.Optimizer} driver apply them,
 *       and the driver returns an {@link org.optdyn.engine.outcome.Outcome} of the
 *       {@link org.optdyn.engine.optim.Steps} taken, reporting divergence as {@code Outcome.Diverged}.</li>
 * </ul>
 *
 * <p>Conventions: hyperparameters are immutable records validated in their compact constructors; every failure is an
 * {@link java.lang.IllegalArgumentException} naming the argument and its value. State is allocated at construction
 * and steps allocate nothing. {@code params} is read and written in place; gradients passed to a rule are read only
 * and must not alias {@code params}. Instances are not thread-safe (one per thread or per run). The arithmetic runs
 * through {@link org.optdyn.engine.kernel.Kernels}: SIMD or scalar twins, bitwise identical for the elementwise
 * updates.
 *
 * <p>Float twins ({@code FloatSgd}, {@code FloatAdam}, {@code FloatAdaGradNorm}, {@code FloatSam},
 * {@code FloatExtragradient}, {@code FloatOptimisticGradient}, {@code FloatOptimizer}, {@code FloatUpdateRule},
 * {@code FloatOracleStep}, {@code FloatGradientOracle}) are generated at build time from the double sources by
 * {@code engine/src/build/PrecisionGenerator.java} (style.md rule 9). They take the same hyperparameter records
 * ({@code Adam.Config}, ...), which stay in double: a hyperparameter is one number, not an array, so float buys
 * nothing there and sharing the record keeps one validation and one set of defaults. The arrays (parameters,
 * gradients, moments, buffers) are float; scalar state and step-size arithmetic (Adam's bias corrections
 * {@code 1 - beta^t}, AdaGrad-Norm's accumulator, SAM's ascent scale, the extrapolation step) stay in double and
 * are rounded to float once per step where they enter a float kernel, so they neither drift with the step count
 * nor cost anything per coordinate. Edit the double source; the generator's {@code // float:} line overrides,
 * {@code // double in both precisions} markers and {@code // double only} blocks mark the few lines that do not
 * translate mechanically.
 */
package org.optdyn.engine.optim;
