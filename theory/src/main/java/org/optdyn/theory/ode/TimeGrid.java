package org.optdyn.theory.ode;

import java.util.Arrays;

/**
 * The output times t ≥ 0 (t = k/d, sgd-ode.md §1.5) at which a solution is recorded, strictly increasing.
 * Integration always starts at t = 0; a grid need not contain 0.
 *
 * @param times strictly increasing, finite, ≥ 0 (copied)
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

    /** 0 followed by {@code points} log-spaced times from tmin to tmax inclusive. */
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
