package org.optdyn.theory.dmft;

import org.optdyn.engine.erm.ErmProblem;

/**
 * The deterministic high-dimensional limit of one {@link ErmProblem}'s trajectory, at steps {@code t = 0..T}
 * (arrays of length {@code T + 1}, or shorter for a diverged solve):
 * {@code m(t) = lim theta^t . Sigma theta* / d}, {@code q(t) = lim theta^t . Sigma theta^t / d}, the training loss
 * {@code (1/n) sum_mu l(x_mu . q^t; y_mu)} (at the query point: the look-ahead point for Nesterov, dmft.md §5) and
 * the test loss {@code (1/2) E (y - x . theta^t)^2} (regression), with the kernels for inspection.
 */
public record DmftSolution(ErmProblem problem, double[] m, double[] q, double[] trainLoss, double[] testLoss,
                           DmftKernels kernels) {

    /** @return the number of recorded steps ({@code T + 1} when complete) */
    public int size() {
        return m.length;
    }
}
