package org.optdyn.engine.stream;

import java.util.Arrays;

/**
 * Preallocated record arrays of one run, shared by the solvers of this package ({@link StreamingSimulator},
 * {@link HomogenizedSgd}) so that both record the same observables at the same grid points (sgd-ode.md §8 step 5).
 */
final class TrajectoryRecorder {
    final double[] lr;
    final double[] b11;
    final double[] b12;
    final double[] b22;
    final double[] dist2;
    final double[] norm2;
    final double[][] xx;
    final double[][] xt;

    TrajectoryRecorder(int points, int overlapDimension) {
        lr = new double[points];
        b11 = new double[points];
        b12 = new double[points];
        b22 = new double[points];
        dist2 = new double[points];
        norm2 = new double[points];
        xx = overlapDimension > 0 ? new double[points][overlapDimension] : null;
        xt = overlapDimension > 0 ? new double[points][overlapDimension] : null;
    }

    /**
     * Stores record {@code j}: the rate, the overlaps {@code B}, {@code ||X - X*||^2}, {@code ||X||^2} and, when
     * per-eigenvalue overlaps are recorded, {@code xi_i^2} and {@code xi_i xi*_i} from the eigen-coordinates.
     *
     * @param xi       the iterate in eigen-coordinates (read)
     * @param xiTarget the target in eigen-coordinates (read)
     */
    void store(int j, double rate, double o11, double o12, double o22, double distance2, double normSquared,
               double[] xi, double[] xiTarget) {
        lr[j] = rate;
        b11[j] = o11;
        b12[j] = o12;
        b22[j] = o22;
        dist2[j] = distance2;
        norm2[j] = normSquared;
        if (xx != null) {
            for (int i = 0; i < xi.length; i++) {
                xx[j][i] = xi[i] * xi[i];
                xt[j][i] = xi[i] * xiTarget[i];
            }
        }
    }

    Trajectory trajectory(int count, long[] gridSteps, int d, double[] xiTarget) {
        long[] steps = Arrays.copyOf(gridSteps, count);
        double[] t = new double[count];
        for (int j = 0; j < count; j++) {
            t[j] = (double) steps[j] / d;
        }
        double[] target = null;
        if (xx != null) {
            target = new double[d];
            for (int i = 0; i < d; i++) {
                target[i] = xiTarget[i] * xiTarget[i];
            }
        }
        return new Trajectory(steps, t, Arrays.copyOf(lr, count), Arrays.copyOf(b11, count),
                Arrays.copyOf(b12, count), Arrays.copyOf(b22, count), Arrays.copyOf(dist2, count),
                Arrays.copyOf(norm2, count), xx == null ? null : Arrays.copyOf(xx, count),
                xt == null ? null : Arrays.copyOf(xt, count), target);
    }
}
