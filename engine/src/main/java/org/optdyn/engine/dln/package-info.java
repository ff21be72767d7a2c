/**
 * Streaming SGD on diagonal linear networks (diagonal-networks.md §1): predictor {@code theta = u (.) v} or
 * {@code w+^2 - w-^2}, Gaussian data with diagonal covariance {@code K/d}, one fresh sample per step, time
 * {@code t = n/d}; the problem ({@link DlnInstance}, {@link DlnProblem}), the simulator ({@link DlnSimulator}) and
 * the exact population observables it records ({@link DlnObservables}, {@link DlnTrajectory}).
 */
package org.optdyn.engine.dln;
