package org.optdyn.engine.stream;

import java.util.Arrays;

/**
 * Output times {@code t >= 0} (t = k/d, sgd-ode.md §1.5) at which a solution is recorded: finite and strictly
 * increasing. The ODE integrates from t = 0 whether or not the grid contains 0; the simulator records at the SGD
 * steps nearest to these times ({@link StepGrid#of(TimeGrid, int)}).
 *
 * @param times strictly increasing, finite, {@code >= 0} (copied)
 */
public record TimeGrid(double[] times) {

    /** Validates and copies. */
    public TimeGrid {
        if (times == null || times.length == 0) {
            throw new IllegalArgumentException("times must be non-empty");
        }
        times = times.clone();
        for (int i = 0; i < times.length; i++) {
            if (!(times[i] >= 0) || Double.isInfinite(times[i])) {
                throw new IllegalArgumentException("times[" + i + "] must be finite and >= 0, got " + times[i]);
            }
            if (i > 0 && !(times[i] > times[i - 1])) {
                throw new IllegalArgumentException("times must be strictly increasing, got times[" + (i - 1) + "]="
                        + times[i - 1] + ", times[" + i + "]=" + times[i]);
            }
        }
    }

    /** The given times. */
    public static TimeGrid of(double... times) {
        return new TimeGrid(times);
    }

    /**
     * Parses a comma-separated list of times, e.g. {@code "0, 0.5,2"} (the {@code --grid} flag of {@code optdyn}):
     * numbers in {@link Double#parseDouble} syntax, blanks around each ignored, no empty entry; finite, {@code >= 0}
     * and strictly increasing.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad entry by its value (as typed, not
     *                                  by its index)
     */
    public static TimeGrid parse(String list) {
        var t = SpecNumbers.list("times", list);
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(t[i]) || t[i] < 0) {
                throw new IllegalArgumentException("times must be finite and >= 0, got " + t[i]);
            }
            if (i > 0 && !(t[i] > t[i - 1])) {
                throw new IllegalArgumentException("times must increase strictly, got " + t[i - 1] + " then " + t[i]);
            }
        }
        return new TimeGrid(t);
    }

    /** {@code points} equally spaced times from 0 to tmax inclusive (points ≥ 2). */
    public static TimeGrid linear(double tmax, int points) {
        if (!(tmax > 0) || Double.isInfinite(tmax)) {
            throw new IllegalArgumentException("tmax must be finite and > 0, got " + tmax);
        }
        if (points < 2) {
            throw new IllegalArgumentException("points must be >= 2, got " + points);
        }
        double[] t = new double[points];
        for (int i = 0; i < points; i++) {
            t[i] = tmax * i / (points - 1);
        }
        t[points - 1] = tmax;
        return new TimeGrid(t);
    }

    /**
     * 0 followed by {@code points} log-spaced times from tmin to tmax inclusive: {@code tmin·exp(i ln(tmax/tmin) /
     * (points − 1))}, i = 0 … points − 1 ({@code points + 1} times in all).
     */
    public static TimeGrid logarithmic(double tmin, double tmax, int points) {
        if (!(tmin > 0) || !(tmax > tmin) || Double.isInfinite(tmax)) {
            throw new IllegalArgumentException("need 0 < tmin < tmax < inf, got tmin=" + tmin + ", tmax=" + tmax);
        }
        if (points < 2) {
            throw new IllegalArgumentException("points must be >= 2, got " + points);
        }
        double[] t = new double[points + 1];
        double lr = Math.log(tmax / tmin);
        for (int i = 0; i < points; i++) {
            t[i + 1] = tmin * Math.exp(lr * i / (points - 1));
        }
        t[points] = tmax;
        return new TimeGrid(t);
    }

    /**
     * {@code points} times in all: 0 followed by {@code n = points − 1} times log-spaced over the {@code decades}
     * decades below tmax, {@code tmax·10^(−decades·(n − 1 − k)/(n − 1))}, k = 0 … n − 1 (just tmax when n = 1). The
     * default grid of {@code optdyn ode/simulate} ({@code --tmax T --points N}, 3 decades).
     *
     * @param tmax   the last time, finite and {@code > 0}
     * @param points the number of times including 0, {@code >= 2}
     */
    public static TimeGrid decadesBelow(double tmax, int points, double decades) {
        if (!(tmax > 0) || !Double.isFinite(tmax)) {
            throw new IllegalArgumentException("tmax must be finite and > 0, got " + tmax);
        }
        if (points < 2) {
            throw new IllegalArgumentException("points must be >= 2, got " + points);
        }
        if (!(decades > 0) || !Double.isFinite(decades)) {
            throw new IllegalArgumentException("decades must be finite and > 0, got " + decades);
        }
        var t = new double[points];
        int n = points - 1;
        for (int k = 0; k < n; k++) {
            double e = n == 1 ? 0 : -decades * (n - 1 - k) / (n - 1);
            t[k + 1] = tmax * Math.pow(10, e);
        }
        t[points - 1] = tmax;
        return new TimeGrid(t);
    }

    /** Number of times. */
    public int size() {
        return times.length;
    }

    /** The i-th time. */
    public double time(int i) {
        return times[i];
    }

    /** The last (largest) time. */
    public double last() {
        return times[times.length - 1];
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeGrid g && Arrays.equals(times, g.times);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return "TimeGrid" + Arrays.toString(times);
    }
}
