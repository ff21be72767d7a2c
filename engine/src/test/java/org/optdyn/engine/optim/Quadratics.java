package org.optdyn.engine.optim;

/** Test problems: diagonal quadratics {@code f(w) = (1/2) sum h_i w_i^2} and their gradient oracles. */
final class Quadratics {

    private Quadratics() {
    }

    /** @return the oracle {@code g_i = h_i w_i}. */
    static GradientOracle diagonal(double[] h) {
        return (w, g) -> {
            for (int i = 0; i < h.length; i++) {
                g[i] = h[i] * w[i];
            }
        };
    }

    /** @return the float oracle {@code g_i = h_i w_i}. */
    static FloatGradientOracle diagonal(float[] h) {
        return (w, g) -> {
            for (int i = 0; i < h.length; i++) {
                g[i] = h[i] * w[i];
            }
        };
    }

    /** @return {@code (1/2) sum h_i w_i^2}. */
    static double loss(double[] h, double[] w) {
        double s = 0.0;
        for (int i = 0; i < h.length; i++) {
            s += 0.5 * h[i] * w[i] * w[i];
        }
        return s;
    }

    /** @return {@code (1/2) sum h_i w_i^2} accumulated in double. */
    static double loss(float[] h, float[] w) {
        double s = 0.0;
        for (int i = 0; i < h.length; i++) {
            s += 0.5 * h[i] * (double) w[i] * w[i];
        }
        return s;
    }

    /** @return the log-spaced spectrum {@code h_i = 10^(2 i / (d - 1))}, from 1 to 100 (condition number 100). */
    static double[] logSpaced(int d) {
        double[] h = new double[d];
        for (int i = 0; i < d; i++) {
            h[i] = Math.pow(10.0, 2.0 * i / (d - 1));
        }
        return h;
    }

    static double norm(double[] w) {
        double s = 0.0;
        for (double x : w) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
