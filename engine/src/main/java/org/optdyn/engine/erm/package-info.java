/**
 * Multi-pass empirical risk minimisation on a fixed Gaussian data matrix (dmft.md §1): the problem description that
 * the DMFT solvers of the theory layer and the finite-d simulator read. {@link org.optdyn.engine.erm.ErmProblem} is
 * the one description: data ratio {@code alpha = n/d}, covariance classes, teacher and label noise, loss and ridge,
 * the first-order method (GD/SGD, heavy ball, Nesterov) with its learning rate, Bernoulli batch fraction and batch
 * normalisation {@code kappa_b}, optional Langevin noise, and the initialisation.
 */
package org.optdyn.engine.erm;
