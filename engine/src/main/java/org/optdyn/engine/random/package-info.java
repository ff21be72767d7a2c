/** Fast reproducible Gaussian generation from split, seeded streams. */
package org.optdyn.engine.random;
