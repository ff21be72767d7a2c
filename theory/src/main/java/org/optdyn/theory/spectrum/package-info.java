/**
 * Expected spectral distributions with densities, quantiles and quadrature, and {@link
 * org.optdyn.theory.spectrum.SpectrumSpec}, the text syntax of spectra. The discrete spectra themselves are the
 * engine's ({@link org.optdyn.engine.spectrum.DiscreteSpectrum}, {@link org.optdyn.engine.spectrum.Spectra}).
 */
package org.optdyn.theory.spectrum;
