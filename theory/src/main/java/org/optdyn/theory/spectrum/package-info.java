/** Spectra and expected spectral distributions with densities, quantiles and quadrature. */
package org.optdyn.theory.spectrum;
