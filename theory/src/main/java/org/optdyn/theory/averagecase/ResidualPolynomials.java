package org.optdyn.theory.averagecase;

import java.util.Arrays;
import java.util.Objects;

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
 * same pass as the recurrence step (one read of the nodes per step; measured in bench
 * {@code AverageCaseCurvesBenchmark}).
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
        double[] w = measure.weights();
        int n = z.length;
        double[] e0 = new double[steps + 1];
        double[] e1 = new double[steps + 1];
        double[] e2 = new double[steps + 1];
        double[] p = new double[n];
        double[] prev = new double[n];
        Arrays.fill(p, 1.0);
        Arrays.fill(prev, 1.0);
        double[] sums = new double[3];
        moments(w, z, p, sums);
        boolean nesterov = schedule instanceof IterationSchedule.Nesterov;
        for (int t = 0; ; t++) {
            e0[t] = sums[0];
            e1[t] = sums[1];
            e2[t] = sums[2];
            if (!Double.isFinite(e0[t]) || !Double.isFinite(e1[t]) || !Double.isFinite(e2[t])) {
                return new ExpectedErrors(Arrays.copyOf(e0, t), Arrays.copyOf(e1, t), Arrays.copyOf(e2, t), t);
            }
            if (t == steps) {
                break;
            }
            // fused: P_{t+1} into prev and its three weighted moments in the same pass
            double h = schedule.step(t);
            if (nesterov) {
                double b = ((IterationSchedule.Nesterov) schedule).beta(t);
                nesterovStepWithMoments(h, b, w, z, p, prev, sums);
            } else {
                double m = ((IterationSchedule.Momentum) schedule).momentum(t);
                momentumStepWithMoments(h, m, w, z, p, prev, sums);
            }
            double[] swap = p;
            p = prev;
            prev = swap;
        }
        return new ExpectedErrors(e0, e1, e2, -1);
    }

    /** {@code sums = (sum w p^2, sum w z p^2, sum w z^2 p^2)}. */
    private static void moments(double[] w, double[] z, double[] p, double[] sums) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        for (int j = 0; j < p.length; j++) {
            double wp2 = w[j] * p[j] * p[j];
            s0 += wp2;
            s1 += wp2 * z[j];
            s2 += wp2 * z[j] * z[j];
        }
        sums[0] = s0;
        sums[1] = s1;
        sums[2] = s2;
    }

    /*
     * The hot loops below are the cost of every expected-error curve (T * nodes iterations). Reductions do not
     * auto-vectorize (floating-point order), so each moment has two independent accumulators (even/odd nodes) to
     * hide the add latency; the update itself is elementwise.
     */

    private static void momentumStepWithMoments(double h, double m, double[] w, double[] z, double[] p,
                                                double[] prev, double[] sums) {
        int n = p.length;
        double onePlusM = 1.0 + m;
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        int j = 0;
        for (; j + 1 < n; j += 2) {
            double zj = z[j];
            double q = (onePlusM - h * zj) * p[j] - m * prev[j];
            prev[j] = q;
            double wq = w[j] * q * q;
            a0 += wq;
            a1 += wq * zj;
            a2 += wq * zj * zj;
            double zk = z[j + 1];
            double r = (onePlusM - h * zk) * p[j + 1] - m * prev[j + 1];
            prev[j + 1] = r;
            double wr = w[j + 1] * r * r;
            b0 += wr;
            b1 += wr * zk;
            b2 += wr * zk * zk;
        }
        for (; j < n; j++) {
            double zj = z[j];
            double q = (onePlusM - h * zj) * p[j] - m * prev[j];
            prev[j] = q;
            double wq = w[j] * q * q;
            a0 += wq;
            a1 += wq * zj;
            a2 += wq * zj * zj;
        }
        sums[0] = a0 + b0;
        sums[1] = a1 + b1;
        sums[2] = a2 + b2;
    }

    private static void nesterovStepWithMoments(double h, double b, double[] w, double[] z, double[] p,
                                                double[] prev, double[] sums) {
        int n = p.length;
        double onePlusB = 1.0 + b;
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double c0 = 0;
        double c1 = 0;
        double c2 = 0;
        int j = 0;
        for (; j + 1 < n; j += 2) {
            double zj = z[j];
            double q = (1.0 - h * zj) * (onePlusB * p[j] - b * prev[j]);
            prev[j] = q;
            double wq = w[j] * q * q;
            a0 += wq;
            a1 += wq * zj;
            a2 += wq * zj * zj;
            double zk = z[j + 1];
            double r = (1.0 - h * zk) * (onePlusB * p[j + 1] - b * prev[j + 1]);
            prev[j + 1] = r;
            double wr = w[j + 1] * r * r;
            c0 += wr;
            c1 += wr * zk;
            c2 += wr * zk * zk;
        }
        for (; j < n; j++) {
            double zj = z[j];
            double q = (1.0 - h * zj) * (onePlusB * p[j] - b * prev[j]);
            prev[j] = q;
            double wq = w[j] * q * q;
            a0 += wq;
            a1 += wq * zj;
            a2 += wq * zj * zj;
        }
        sums[0] = a0 + c0;
        sums[1] = a1 + c1;
        sums[2] = a2 + c2;
    }

    /** Convenience: the curves of a method for {@code steps} steps. */
    public static ExpectedErrors expectedErrors(PolynomialMethod method, int steps, SpectralQuadrature measure) {
        return expectedErrors(method.schedule(steps), measure);
    }
}
