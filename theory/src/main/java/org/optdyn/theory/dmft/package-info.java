/**
 * Discrete-time dynamical mean-field theory of first-order methods on Gaussian empirical risks (dmft.md; Gerbelot,
 * Troiani, Mignacco, Krzakala, Zdeborová, arXiv:2210.06591): closed equations for the high-dimensional limit of GD,
 * SGD with an extensive batch fraction, heavy ball and Nesterov on the problems of
 * {@link org.optdyn.engine.erm.ErmProblem}. {@link org.optdyn.theory.dmft.SquareLossDmft} solves the square loss with
 * ridge exactly by one causal forward sweep (dmft.md §3); {@link org.optdyn.theory.dmft.MonteCarloDmft} solves any
 * {@link org.optdyn.engine.erm.ErmLoss} by sampling the sample-side process with the parameter side kept exact
 * (dmft.md §4), with Monte-Carlo standard errors.
 */
package org.optdyn.theory.dmft;
