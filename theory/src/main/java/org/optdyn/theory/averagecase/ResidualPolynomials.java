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
 * {@code sum_j w_j delta_{z_j}}: {@code E_l(t) = sum_j w_j z_j^l P_t(z_j)^2} for {@code l = 0, 1, 2}, computed in the
 * elementwise recurrence pass followed by three SIMD dot kernels per step ({@code O(T * nodes)}).
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
        // The recurrences are linear and homogeneous in P, so they run directly on u_j = sqrt(w_j) P_t(z_j)
        // (u_0 = sqrt(w)). Per step: one elementwise pass (auto-vectorized by C2) writing u_{t+1} and z u_{t+1},
        // then three SIMD reductions: E_0 = |u|^2, E_1 = <u, z u>, E_2 = |z u|^2 (reductions do not auto-vectorize).
        // Four arrays of N doubles are touched per step (320 KB at N = 10^4: L2-resident on this machine).
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(measure, "measure");
        int steps = schedule.steps();
        double[] z = measure.nodes();
        double[] w = measure.weights();
        int n = z.length;
        double[] e0 = new double[steps + 1];
        double[] e1 = new double[steps + 1];
        double[] e2 = new double[steps + 1];
        double[] u = new double[n];
        double[] prev = new double[n];
        double[] zu = new double[n];
        for (int j = 0; j < n; j++) {
            u[j] = Math.sqrt(w[j]);
            prev[j] = u[j];
            zu[j] = z[j] * u[j];
        }
        DoubleKernels k = Kernels.doubles();
        boolean nesterov = schedule instanceof IterationSchedule.Nesterov;
        for (int t = 0; ; t++) {
            e0[t] = k.sumOfSquares(u, 0, n);
            e1[t] = k.dot(u, 0, zu, 0, n);
            e2[t] = k.sumOfSquares(zu, 0, n);
            if (!Double.isFinite(e0[t]) || !Double.isFinite(e1[t]) || !Double.isFinite(e2[t])) {
                return new ExpectedErrors(Arrays.copyOf(e0, t), Arrays.copyOf(e1, t), Arrays.copyOf(e2, t), t);
            }
            if (t == steps) {
                break;
            }
            double h = schedule.step(t);
            if (nesterov) {
                double b = ((IterationSchedule.Nesterov) schedule).beta(t);
                double onePlusB = 1.0 + b;
                for (int j = 0; j < n; j++) {
                    double zj = z[j];
                    double q = (1.0 - h * zj) * (onePlusB * u[j] - b * prev[j]);
                    prev[j] = q;
                    zu[j] = zj * q;
                }
            } else {
                double m = ((IterationSchedule.Momentum) schedule).momentum(t);
                double onePlusM = 1.0 + m;
                for (int j = 0; j < n; j++) {
                    double zj = z[j];
                    double q = (onePlusM - h * zj) * u[j] - m * prev[j];
                    prev[j] = q;
                    zu[j] = zj * q;
                }
            }
            double[] swap = u;
            u = prev;
            prev = swap;
        }
        return new ExpectedErrors(e0, e1, e2, -1);
    }

    /** Convenience: the curves of a method for {@code steps} steps. */
    public static ExpectedErrors expectedErrors(PolynomialMethod method, int steps, SpectralQuadrature measure) {
        return expectedErrors(method.schedule(steps), measure);
    }
}
