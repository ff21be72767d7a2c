/** JMH benchmarks of the engine kernels and optimizers, reported against a same-run STREAM-triad baseline. */
package org.optdyn.bench;
