package org.optdyn.engine.stream;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The SGD steps {@code k} at which the simulator records (sgd-ode.md §8 step 5): always {@code k = 0} and the last
 * step {@code ceil(T d)}; the times are {@code t = k/d}. Grid times are rounded to the nearest step, and duplicates
 * removed. (The output times themselves, as the ODE uses them, are a {@link TimeGrid}.)
 *
 * @param steps     strictly increasing, starting at 0
 * @param dimension {@code d}, the number of steps per unit time
 */
public record StepGrid(long[] steps, int dimension) {

    public StepGrid {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        steps = steps.clone();
        if (steps.length == 0 || steps[0] != 0) {
            throw new IllegalArgumentException("steps must start at 0, got " + Arrays.toString(steps));
        }
        for (int i = 1; i < steps.length; i++) {
            if (steps[i] <= steps[i - 1]) {
                throw new IllegalArgumentException("steps must increase strictly, got " + steps[i - 1] + " then "
                        + steps[i]);
            }
        }
    }

    @Override
    public long[] steps() {
        return steps.clone();
    }

    /** @return the number of recorded points. */
    public int size() {
        return steps.length;
    }

    /** @return {@code k/d} for every grid step. */
    public double[] times() {
        double[] t = new double[steps.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = (double) steps[i] / dimension;
        }
        return t;
    }

    /** @return the last step {@code ceil(T d)}. */
    public long lastStep() {
        return steps[steps.length - 1];
    }

    private static long lastStep(double horizon, int d) {
        if (!(horizon > 0) || !Double.isFinite(horizon)) {
            throw new IllegalArgumentException("horizon must be finite and > 0, got " + horizon);
        }
        return (long) Math.ceil(horizon * d - 1e-9);
    }

    /** @return {@code points} equally spaced times on {@code [0, T]} (plus 0), rounded to steps. */
    public static StepGrid linear(double horizon, int points, int d) {
        if (points < 1) {
            throw new IllegalArgumentException("points must be >= 1, got " + points);
        }
        long n = lastStep(horizon, d);
        var set = new TreeSet<Long>();
        set.add(0L);
        for (int i = 1; i <= points; i++) {
            set.add(Math.round((double) n * i / points));
        }
        return fromSet(set, d);
    }

    /** @return {@code points} log-spaced times on {@code [tMin, T]}, plus 0, rounded to steps. */
    public static StepGrid logSpaced(double tMin, double horizon, int points, int d) {
        if (!(tMin > 0) || !(tMin < horizon)) {
            throw new IllegalArgumentException("need 0 < tMin < horizon, got tMin = " + tMin + ", horizon = "
                    + horizon);
        }
        if (points < 2) {
            throw new IllegalArgumentException("points must be >= 2, got " + points);
        }
        long n = lastStep(horizon, d);
        var set = new TreeSet<Long>();
        set.add(0L);
        for (int i = 0; i < points; i++) {
            double t = tMin * Math.pow(horizon / tMin, (double) i / (points - 1));
            set.add(Math.min(n, Math.max(1, Math.round(t * d))));
        }
        set.add(n);
        return fromSet(set, d);
    }

    /** @return a grid at the given times (rounded to steps; 0 is added). */
    public static StepGrid atTimes(double[] times, int d) {
        var set = new TreeSet<Long>();
        set.add(0L);
        for (double t : times) {
            if (!(t >= 0) || !Double.isFinite(t)) {
                throw new IllegalArgumentException("times must be finite and >= 0, got " + t);
            }
            set.add(Math.round(t * d));
        }
        return fromSet(set, d);
    }

    /** @return the steps nearest to the times of {@code grid} (0 is added), as {@link #atTimes}. */
    public static StepGrid of(TimeGrid grid, int d) {
        return atTimes(grid.times(), d);
    }

    private static StepGrid fromSet(TreeSet<Long> set, int d) {
        long[] s = new long[set.size()];
        int i = 0;
        for (long k : set) {
            s[i++] = k;
        }
        return new StepGrid(s, d);
    }
}
