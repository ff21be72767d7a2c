/**
 * Optimizers as small state machines over parameter arrays (Optax's init/update over explicit state).
 *
 * <ul>
 *   <li><b>Update rules</b> take a gradient: {@link org.optdyn.engine.optim.DoubleUpdateRule} /
 *       {@link org.optdyn.engine.optim.FloatUpdateRule}, implemented by {@link org.optdyn.engine.optim.Sgd}
 *       (momentum, Nesterov, coupled weight decay), {@link org.optdyn.engine.optim.Adam} (bias correction,
 *       AMSGrad, AdamW's decoupled decay) and {@link org.optdyn.engine.optim.AdaGradNorm}, each with a
 *       {@code Float*} twin.</li>
 *   <li><b>Oracle steps</b> query a {@link org.optdyn.engine.optim.GradientOracle} themselves, possibly more than
 *       once: {@link org.optdyn.engine.optim.Sam} (over any base rule), {@link org.optdyn.engine.optim.PreconditionedSam},
 *       {@link org.optdyn.engine.optim.Extragradient}, {@link org.optdyn.engine.optim.OptimisticGradient}; any rule
 *       becomes one through {@link org.optdyn.engine.optim.DoubleOracleStep#of}. For a smooth game, pass its vector
 *       field as the oracle.</li>
 *   <li><b>Learning rates</b> are given per step; {@link org.optdyn.engine.optim.LearningRateSchedule} values
 *       (constant, step, cosine, linear warmup) and the {@link org.optdyn.engine.optim.Optimizer} driver apply them,
 *       and the driver reports divergence as {@link org.optdyn.engine.optim.RunOutcome.Diverged}.</li>
 * </ul>
 *
 * <p>Conventions: hyperparameters are immutable records validated in their compact constructors; every failure is an
 * {@link java.lang.IllegalArgumentException} naming the argument and its value. State is allocated at construction
 * and steps allocate nothing. {@code params} is read and written in place; gradients passed to a rule are read only
 * and must not alias {@code params}. Instances are not thread-safe (one per thread or per run). The arithmetic runs
 * through {@link org.optdyn.engine.kernel.Kernels}: SIMD or scalar twins, bitwise identical for the elementwise
 * updates.
 */
package org.optdyn.engine.optim;
