package org.optdyn.engine.dln;

import java.util.Arrays;
import java.util.Objects;

/**
 * The observables of one run at its recorded times (diagonal-networks.md §8 step 1).
 *
 * @param times     recorded times {@code t = n/d}, starting at 0
 * @param risk      population risk {@code R}
 * @param curvature curvature {@code kappa}
 * @param imbalance mean imbalance {@code c}
 * @param l1        {@code |theta|_1 / d}
 * @param distance  {@code |theta - beta|^2 / d}
 */
public record DlnTrajectory(double[] times, double[] risk, double[] curvature, double[] imbalance, double[] l1,
                            double[] distance) {

    public DlnTrajectory {
        Objects.requireNonNull(times, "times");
        int n = times.length;
        for (double[] a : new double[][] {risk, curvature, imbalance, l1, distance}) {
            if (Objects.requireNonNull(a, "observable").length != n) {
                throw new IllegalArgumentException("every observable needs " + n + " values, got " + a.length);
            }
        }
        times = times.clone();
        risk = risk.clone();
        curvature = curvature.clone();
        imbalance = imbalance.clone();
        l1 = l1.clone();
        distance = distance.clone();
    }

    /** @return the number of recorded times */
    public int size() {
        return times.length;
    }

    /** @return the first {@code n} records */
    public DlnTrajectory head(int n) {
        return new DlnTrajectory(Arrays.copyOf(times, n), Arrays.copyOf(risk, n), Arrays.copyOf(curvature, n),
                Arrays.copyOf(imbalance, n), Arrays.copyOf(l1, n), Arrays.copyOf(distance, n));
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[] risk() {
        return risk.clone();
    }

    @Override
    public double[] curvature() {
        return curvature.clone();
    }

    @Override
    public double[] imbalance() {
        return imbalance.clone();
    }

    @Override
    public double[] l1() {
        return l1.clone();
    }

    @Override
    public double[] distance() {
        return distance.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DlnTrajectory t && Arrays.equals(times, t.times) && Arrays.equals(risk, t.risk)
                && Arrays.equals(curvature, t.curvature) && Arrays.equals(imbalance, t.imbalance)
                && Arrays.equals(l1, t.l1) && Arrays.equals(distance, t.distance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(times), Arrays.hashCode(risk), Arrays.hashCode(curvature),
                Arrays.hashCode(imbalance), Arrays.hashCode(l1), Arrays.hashCode(distance));
    }

    @Override
    public String toString() {
        return "DlnTrajectory[" + times.length + " records, final risk " + (risk.length == 0 ? "-" : risk[risk.length - 1])
                + "]";
    }
}
