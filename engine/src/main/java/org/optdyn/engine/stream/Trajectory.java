package org.optdyn.engine.stream;

/**
 * The observables of one run at the recorded steps (sgd-ode.md §8 step 5). Index {@code j} refers to the
 * {@code j}-th recorded step; arrays are owned by the trajectory (the accessors return them without copying:
 * do not modify).
 *
 * @param steps          recorded SGD steps {@code k}
 * @param times          {@code t = k/d}
 * @param learningRates  {@code g_k}, the rate used for step {@code k -> k+1}
 * @param b11            {@code X^T K X}
 * @param b12            {@code X^T K X*}
 * @param b22            {@code X*^T K X*}
 * @param distance2      {@code |X - X*|^2}
 * @param norm2          {@code |X|^2}
 * @param overlapXX      per-eigenvalue {@code xi_i^2} ({@code [j][i]}), or {@code null} if not recorded
 * @param overlapXTarget per-eigenvalue {@code xi_i xi*_i}, or {@code null}
 * @param targetOverlap  {@code (xi*_i)^2} (constant in time), or {@code null}
 */
public record Trajectory(long[] steps, double[] times, double[] learningRates, double[] b11, double[] b12,
                         double[] b22, double[] distance2, double[] norm2, double[][] overlapXX,
                         double[][] overlapXTarget, double[] targetOverlap) {

    /** @return the number of recorded points. */
    public int size() {
        return steps.length;
    }

    /** @return the least-squares population risk {@code (B11 - 2 B12 + B22 + omega^2)/2} at each point (§2.8). */
    public double[] leastSquaresRisk(double noiseSd) {
        double[] r = new double[size()];
        for (int j = 0; j < r.length; j++) {
            r[j] = 0.5 * (b11[j] - 2 * b12[j] + b22[j] + noiseSd * noiseSd);
        }
        return r;
    }
}
