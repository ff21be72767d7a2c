package org.optdyn.engine.erm;

import java.util.Arrays;

/**
 * One finite-d run of an {@link ErmProblem} (dmft.md §1 observables, §8 step 2), at steps {@code t = 0..T} (arrays of
 * length {@code T + 1}, shorter for a diverged run): {@code m(t) = theta^t . Sigma theta* / d},
 * {@code q(t) = theta^t . Sigma theta^t / d}, the training loss {@code (1/n) sum_mu l(x_mu . q^t; y_mu)} at the query
 * point {@code q^t} (Nesterov's look-ahead point, else {@code theta^t}; dmft.md §5) and the test loss: for the square
 * loss {@code (1/2)[(theta^t - theta*)^T Sigma (theta^t - theta*)/d + sigma^2]}, for the logistic loss the test error
 * {@code arccos(m / sqrt(q (p* + sigma^2))) / pi} with the instance's {@code p* = theta* . Sigma theta* / d} (dmft.md §4,
 * §8 step 2: the error of {@code theta^t} on fresh samples of this teacher; its limit replaces {@code p*} by
 * {@code rho_phi}).
 *
 * @param m         overlaps with the teacher
 * @param q         second moments
 * @param trainLoss training losses at the query point
 * @param testLoss  population test losses (square) or test errors (logistic)
 */
public record ErmTrajectory(double[] m, double[] q, double[] trainLoss, double[] testLoss) {

    public ErmTrajectory {
        if (m.length != q.length || m.length != trainLoss.length || m.length != testLoss.length) {
            throw new IllegalArgumentException("trajectory columns must have one length, got " + m.length + ", "
                    + q.length + ", " + trainLoss.length + ", " + testLoss.length);
        }
        m = m.clone();
        q = q.clone();
        trainLoss = trainLoss.clone();
        testLoss = testLoss.clone();
    }

    /** @return the number of recorded steps ({@code T + 1} when complete) */
    public int size() {
        return m.length;
    }

    /** @return the first {@code rows} steps */
    ErmTrajectory head(int rows) {
        return new ErmTrajectory(Arrays.copyOf(m, rows), Arrays.copyOf(q, rows), Arrays.copyOf(trainLoss, rows),
                Arrays.copyOf(testLoss, rows));
    }

    @Override
    public double[] m() {
        return m.clone();
    }

    @Override
    public double[] q() {
        return q.clone();
    }

    @Override
    public double[] trainLoss() {
        return trainLoss.clone();
    }

    @Override
    public double[] testLoss() {
        return testLoss.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErmTrajectory t && Arrays.equals(m, t.m) && Arrays.equals(q, t.q)
                && Arrays.equals(trainLoss, t.trainLoss) && Arrays.equals(testLoss, t.testLoss);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m) + 31 * Arrays.hashCode(q) + 961 * Arrays.hashCode(trainLoss)
                + 29791 * Arrays.hashCode(testLoss);
    }

    @Override
    public String toString() {
        return "ErmTrajectory[steps=" + size() + "]";
    }
}
