package org.optdyn.theory.averagecase;

import java.util.Arrays;
import java.util.Objects;

import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;
import org.optdyn.engine.quadratic.IterationSchedule;
import org.optdyn.theory.spectrum.SpectralQuadrature;

/**
 * The polynomial engine of section 6.1: evaluates the residual polynomials {@code P_0..P_T} of an
 * {@link IterationSchedule} on arrays of nodes by the method's own three-term recurrence ({@code O(T * nodes)}, no
 * monomial expansion, stable for {@code T} up to {@code 10^4} and beyond):
 * <pre>
 *   form (M):  P_{t+1} = (1 + m_t - h_t lambda) P_t - m_t P_{t-1}
 *   Nesterov:  P_{t+1} = (1 - h_t lambda) [(1 + b_t) P_t - b_t P_{t-1}],        P_{-1} = P_0 = 1
 * </pre>
 * and the expected errors of Theorem A (section 1.4) as sums against a discrete measure
 * {@code sum_j w_j delta_{z_j}}: {@code E_l(t) = sum_j w_j z_j^l P_t(z_j)^2} for {@code l = 0, 1, 2}. The reductions
 * use the SIMD dot kernel.
 */
public final class ResidualPolynomials {

    private ResidualPolynomials() {
    }

    /**
     * @param schedule the method's coefficients ({@code T} steps)
     * @param lambda   evaluation points
     * @param t        degree, {@code 0 <= t <= T}
     * @return {@code P_t(lambda_j)} for every {@code j}
     */
    public static double[] evaluate(IterationSchedule schedule, double[] lambda, int t) {
        Objects.requireNonNull(schedule, "schedule");
        if (t < 0 || t > schedule.steps()) {
            throw new IllegalArgumentException("t must lie in [0, " + schedule.steps() + "], got " + t);
        }
        int n = lambda.length;
        double[] p = new double[n];
        double[] prev = new double[n];
        Arrays.fill(p, 1.0);
        Arrays.fill(prev, 1.0);
        for (int s = 0; s < t; s++) {
            step(schedule, s, lambda, p, prev);
            double[] swap = p;
            p = prev;
            prev = swap;
        }
        return p;
    }

    /**
     * One step of the recurrence: on entry {@code p = P_s}, {@code prev = P_{s-1}}; on exit {@code prev} holds
     * {@code P_{s+1}} (the caller swaps).
     */
    private static void step(IterationSchedule schedule, int s, double[] z, double[] p, double[] prev) {
        int n = z.length;
        double h = schedule.step(s);
        if (schedule instanceof IterationSchedule.Momentum mom) {
            double m = mom.momentum(s);
            double onePlusM = 1.0 + m;
            for (int j = 0; j < n; j++) {
                prev[j] = (onePlusM - h * z[j]) * p[j] - m * prev[j];
            }
        } else {
            double b = ((IterationSchedule.Nesterov) schedule).beta(s);
            double onePlusB = 1.0 + b;
            for (int j = 0; j < n; j++) {
                prev[j] = (1.0 - h * z[j]) * (onePlusB * p[j] - b * prev[j]);
            }
        }
    }

    /**
     * Expected errors {@code E_0, E_1, E_2} at {@code t = 0..T} against a discrete measure (a quadrature of the ESD,
     * or an empirical spectrum). With {@code R^2 = 1}: {@code D_t = E_0(t)}, {@code F_t = E_1(t)/2},
     * {@code G_t = E_2(t)}.
     *
     * @param schedule the method ({@code T = schedule.steps()})
     * @param measure  {@code sum_j w_j delta_{z_j}}
     * @return the curves, truncated at the first non-finite value (reported as divergence)
     */
    public static ExpectedErrors expectedErrors(IterationSchedule schedule, SpectralQuadrature measure) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(measure, "measure");
        int steps = schedule.steps();
        double[] z = measure.nodes();
        double[] w0 = measure.weights();
        int n = z.length;
        double[] w1 = new double[n];
        double[] w2 = new double[n];
        for (int j = 0; j < n; j++) {
            w1[j] = w0[j] * z[j];
            w2[j] = w1[j] * z[j];
        }
        double[] e0 = new double[steps + 1];
        double[] e1 = new double[steps + 1];
        double[] e2 = new double[steps + 1];
        double[] p = new double[n];
        double[] prev = new double[n];
        double[] wp = new double[n];
        Arrays.fill(p, 1.0);
        Arrays.fill(prev, 1.0);
        DoubleKernels k = Kernels.doubles();
        for (int t = 0; ; t++) {
            // E_l(t) = sum_j (w_l[j] P_t[j]) P_t[j]: elementwise product, then the SIMD dot
            e0[t] = weightedSquares(k, w0, p, wp);
            e1[t] = weightedSquares(k, w1, p, wp);
            e2[t] = weightedSquares(k, w2, p, wp);
            if (!Double.isFinite(e0[t]) || !Double.isFinite(e1[t]) || !Double.isFinite(e2[t])) {
                return new ExpectedErrors(Arrays.copyOf(e0, t), Arrays.copyOf(e1, t), Arrays.copyOf(e2, t), t);
            }
            if (t == steps) {
                break;
            }
            step(schedule, t, z, p, prev);
            double[] swap = p;
            p = prev;
            prev = swap;
        }
        return new ExpectedErrors(e0, e1, e2, -1);
    }

    private static double weightedSquares(DoubleKernels k, double[] w, double[] p, double[] scratch) {
        int n = p.length;
        for (int j = 0; j < n; j++) {
            scratch[j] = w[j] * p[j];
        }
        return k.dot(scratch, 0, p, 0, n);
    }

    /** Convenience: the curves of a method for {@code steps} steps. */
    public static ExpectedErrors expectedErrors(PolynomialMethod method, int steps, SpectralQuadrature measure) {
        return expectedErrors(method.schedule(steps), measure);
    }
}
