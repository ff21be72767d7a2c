package org.optdyn.verification.cli;

/**
 * Output times of {@code ode} and {@code simulate}: either {@code --grid T1,T2,...} (finite, ≥ 0, strictly
 * increasing) or {@code --tmax T --points N}: t = 0 followed by N − 1 log-spaced times from T/1000 to T.
 */
final class TimeGrid {

    /** Decades covered by a log-spaced grid below T. */
    static final double DECADES = 3;

    private TimeGrid() {
    }

    /** @return the times of {@code --grid} */
    static double[] parse(String grid) {
        var t = Numbers.list("--grid", grid);
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(t[i]) || t[i] < 0) {
                throw new IllegalArgumentException("--grid times must be finite and >= 0, got " + t[i]);
            }
            if (i > 0 && !(t[i] > t[i - 1])) {
                throw new IllegalArgumentException("--grid times must increase strictly, got " + t[i - 1]
                        + " then " + t[i]);
            }
        }
        return t;
    }

    /** @return 0 and N − 1 log-spaced times on [T·10⁻³, T] */
    static double[] logSpaced(double tmax, int points) {
        if (!(tmax > 0) || !Double.isFinite(tmax)) {
            throw new IllegalArgumentException("--tmax must be finite and > 0, got " + tmax);
        }
        if (points < 2) {
            throw new IllegalArgumentException("--points must be >= 2, got " + points);
        }
        var t = new double[points];
        int n = points - 1;
        for (int k = 0; k < n; k++) {
            double e = n == 1 ? 0 : -DECADES * (n - 1 - k) / (n - 1);
            t[k + 1] = tmax * Math.pow(10, e);
        }
        t[points - 1] = tmax;
        return t;
    }
}
