package org.optdyn.theory.dmft;

/**
 * The kernels of a DMFT solution (dmft.md §2–§3), for inspection, indexed by times {@code 0 <= s, t <= T}: query-point
 * overlaps {@code C(t,s)}, the averaged sample response {@code A(t,s) = E G(t,s)} (memory kernel
 * {@code Gamma = alpha A}), the gradient-noise covariance {@code C_g(t,s)}, the query response {@code R_q(t,s)}, the
 * per-class parameter response {@code chi_k(t,s)} (theta-level) and the teacher drift {@code mu(t)}. Responses vanish
 * for {@code s >= t} ({@code A} for {@code s > t}); {@code C} and {@code C_g} are symmetric.
 */
public final class DmftKernels {

    private final int steps;
    private final double[][] c;
    private final double[][] a;
    private final double[][] cg;
    private final double[][] rq;
    private final double[][][] chi;
    private final double[] mu;

    DmftKernels(int steps, double[][] c, double[][] a, double[][] cg, double[][] rq, double[][][] chi, double[] mu) {
        this.steps = steps;
        this.c = c;
        this.a = a;
        this.cg = cg;
        this.rq = rq;
        this.chi = chi;
        this.mu = mu;
    }

    /** @return the last time index with values (the horizon, or the step where a diverged solve stopped) */
    public int steps() {
        return steps;
    }

    /** @return {@code C(t,s) = lim q^t . Sigma q^s / d} */
    public double c(int t, int s) {
        check(t, s);
        return t >= s ? c[t][s] : c[s][t];
    }

    /** @return {@code A(t,s) = E G(t,s)} (0 for {@code s > t}) */
    public double a(int t, int s) {
        check(t, s);
        return s > t ? 0 : a[t][s];
    }

    /** @return {@code C_g(t,s) = E g^t g^s}, the covariance of the sample-side gradients */
    public double cg(int t, int s) {
        check(t, s);
        return t >= s ? cg[t][s] : cg[s][t];
    }

    /** @return {@code R_q(t,s) = sum_k w_k chi^q_k(t,s)} (0 for {@code s >= t}) */
    public double rq(int t, int s) {
        check(t, s);
        return s >= t ? 0 : rq[t][s];
    }

    /** @return {@code chi_k(t,s)}, the response of theta^t in class k (0 for {@code s >= t}) */
    public double chi(int k, int t, int s) {
        check(t, s);
        return s >= t ? 0 : chi[k][t][s];
    }

    /** @return {@code mu(t) = alpha E D(t)} */
    public double mu(int t) {
        check(t, t);
        return mu[t];
    }

    private void check(int t, int s) {
        if (t < 0 || s < 0 || t > steps || s > steps) {
            throw new IndexOutOfBoundsException("times must be in [0, " + steps + "], got (" + t + ", " + s + ")");
        }
    }
}
