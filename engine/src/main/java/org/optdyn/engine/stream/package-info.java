/**
 * Streaming (one-pass) problems with Gaussian data {@code a ~ N(0, K)} and the simulator that runs an optimizer
 * over fresh samples, recording observables on a time grid.
 */
package org.optdyn.engine.stream;
