/**
 * The spectrum of a data covariance K, the one problem description shared by the simulator and the theory:
 * {@link org.optdyn.engine.spectrum.DiscreteSpectrum} (distinct eigenvalues with multiplicities, in a canonical
 * coordinate order) and the named spectra of sgd-ode.md §8, {@link org.optdyn.engine.spectrum.Spectra}.
 * Depends on the JDK only.
 */
package org.optdyn.engine.spectrum;
