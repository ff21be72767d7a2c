/** Spectral shapes in the complex plane and the rates of game dynamics over them (docs/theory/spectral-shapes.md). */
package org.optdyn.theory.shapes;
