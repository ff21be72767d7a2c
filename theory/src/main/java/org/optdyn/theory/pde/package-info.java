/**
 * The high-dimensional limit of streaming SGD on diagonal linear networks (diagonal-networks.md §2–§6): the
 * finite-{@code d} SDE ({@link org.optdyn.theory.pde.SdeSolver}), the deterministic mean-field PDE solved by particles
 * ({@link org.optdyn.theory.pde.ParticleSolver}, with its error estimate), the gradient-flow closed form
 * ({@link org.optdyn.theory.pde.GradientFlow}) and the long-time rate of the noiseless dynamics
 * ({@link org.optdyn.theory.pde.LongTimeRate}). Problems and observables are those of {@code org.optdyn.engine.dln}.
 */
package org.optdyn.theory.pde;
