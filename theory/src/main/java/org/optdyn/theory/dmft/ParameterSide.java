package org.optdyn.theory.dmft;

import java.util.Arrays;
import org.optdyn.engine.erm.CovarianceClasses;
import org.optdyn.engine.erm.ErmProblem;

/**
 * The exact parameter side of the DMFT (dmft.md §2.2), shared by the exact square-loss solver and the Monte-Carlo
 * solver of general losses: because the penalty is quadratic the parameter process is linear, so per covariance
 * class {@code k} it is carried exactly by deterministic coefficients,
 * {@code theta^t = a_t theta^0 + c_t theta* + sum_{s<t} chi_k(t,s) xi^s / sqrt(omega_k)} (+ Langevin part), and the
 * kernel arrays the sample side fills in ({@code A = Gamma/alpha}, {@code C_g}, {@code mu}).
 *
 * <p>Per time {@code t} a solver calls, in order: {@link #prepare} (query coefficients {@code a^q, c^q, chi^q}, the
 * query overlaps {@code C(t,s)} for {@code s <= t}, {@code m(t)} and {@code R_q(t,s) = sum_k w_k chi^q_k(t,s)}, which
 * need the sample kernels only at times {@code < t}, the causality of §2.2), then {@link #setSampleKernels} with its
 * row {@code t} of {@code A}, {@code C_g} and {@code mu(t)}, then {@link #observe} ({@code m_theta(t)},
 * {@code q_theta(t)} at {@code theta^t}), then {@link #advance} to {@code t + 1}. The formulas (dmft.md §2.2, §3):
 * <pre>
 *   C(t,s) = sum_k w_k { omega_k [a^q_t a^q_s Q0 + (a^q_t c^q_s + c^q_t a^q_s) M0 + c^q_t c^q_s rho]
 *                        + alpha (chi^q_k C_g chi^q_k^T)(t,s) + (2 T_L/(eta omega_k)) (chi^q_k chi^q_k^T)(t,s) }
 *   m(t)   = sum_k w_k omega_k (a^q_t M0 + c^q_t rho)
 *   a_{t+1} = a_t + beta (a_t - a_{t-1}) - eta lambda a^q_t - eta omega_k alpha sum_s A(t,s) a^q_s
 *   c_{t+1} = (same for c) - eta omega_k mu(t)
 *   chi(t+1,s) = chi(t,s) + beta (chi(t,s) - chi(t-1,s)) - eta lambda chi^q(t,s)
 *                - eta omega_k [delta_ts + alpha sum_{s<=tau<=t} A(t,tau) chi^q(tau,s)]
 *   E_k theta_t^2 = a_t^2 Q0 + 2 a_t c_t M0 + c_t^2 rho + (alpha/omega_k) (chi_k C_g chi_k^T)(t,t)
 *                   + (2 T_L/(eta omega_k^2)) sum_tau chi_k(t,tau)^2,
 *   m_theta(t) = sum_k w_k omega_k (a_t M0 + c_t rho),   q_theta(t) = sum_k w_k omega_k E_k theta_t^2
 * </pre>
 * with query coefficients {@code a^q = a} etc. for GD, SGD and heavy ball and {@code (1+beta) a_t - beta a_{t-1}} for
 * Nesterov. Rows of the lower-triangular arrays have length {@code t + 1}; {@code C_g} is stored as a full symmetric
 * matrix so that every product runs along rows.
 */
final class ParameterSide {
    private final int steps;
    private final int classes;
    private final double[] w;
    private final double[] omega;
    private final double alpha;
    private final double eta;
    private final double lambda;
    private final double beta;
    private final boolean lookAhead;
    private final double rho;
    private final double m0;
    private final double q0;
    private final double tl;
    // kernels
    private final double[][] c;
    private final double[][] a;
    private final double[][] cg;
    private final double[][] rq;
    private final double[] mu;
    // per class: theta-level and query-level coefficients
    private final double[][] ca;
    private final double[][] cc;
    private final double[][][] chi;
    private final double[][] qa;
    private final double[][] qc;
    private final double[][][] qchi;
    // overlaps and observables
    private final double[] mq;
    private final double[] mTheta;
    private final double[] qTheta;
    // scratch
    private final double[] v;
    private final double[] mem;
    private final double[] memQuery;

    ParameterSide(ErmProblem p) {
        this.steps = p.steps();
        CovarianceClasses cov = p.covariance();
        this.classes = cov.size();
        this.w = cov.weights();
        this.omega = cov.eigenvalues();
        this.alpha = p.alpha();
        this.eta = p.learningRate();
        this.lambda = p.ridge();
        this.beta = p.method().beta();
        this.lookAhead = p.method().lookAhead();
        this.rho = p.teacherSecondMoment();
        this.m0 = p.initialOverlap();
        this.q0 = p.initialSecondMoment();
        this.tl = p.langevinTemperature();
        int n = steps + 1;
        c = new double[n][];
        a = new double[n][];
        cg = new double[n][];
        rq = new double[n][];
        mu = new double[n];
        ca = new double[classes][n + 1];
        cc = new double[classes][n + 1];
        chi = new double[classes][n + 1][];
        qa = new double[classes][n];
        qc = new double[classes][n];
        qchi = new double[classes][n][];
        mq = new double[n];
        mTheta = new double[n];
        qTheta = new double[n];
        v = new double[n];
        mem = new double[n];
        memQuery = new double[classes];
        for (int k = 0; k < classes; k++) {
            ca[k][0] = 1;
            chi[k][0] = new double[1];
        }
    }

    /** @return the number of kernel entries a solve of {@code problem} stores, {@code O(K T^2)} doubles */
    static long kernelDoubles(ErmProblem problem) {
        long n = problem.steps() + 2L;
        return n * n * (4 + 2L * problem.covariance().size());
    }

    /** The query coefficients, {@code C(t, s)} for {@code s <= t}, {@code m(t)} and {@code R_q(t, s)} at time t. */
    void prepare(int t) {
        query(t);
        overlaps(t);
    }

    /** @return row t of {@code C}: {@code C(t, s)} for {@code s <= t} (after {@link #prepare}) */
    double[] c(int t) {
        return c[t];
    }

    /** @return row t of {@code R_q}, length {@code t + 1}, zero at {@code s = t} (after {@link #prepare}) */
    double[] rq(int t) {
        return rq[t];
    }

    /** @return {@code A(t, s)} for {@code s <= t} (after {@link #setSampleKernels}) */
    double[] a(int t) {
        return a[t];
    }

    /** @return {@code m(t)}, the query point's overlap with the teacher (after {@link #prepare}) */
    double m(int t) {
        return mq[t];
    }

    /** @return {@code C_g(t, s)} for {@code s, t} already set */
    double cg(int t, int s) {
        return cg[t][s];
    }

    /**
     * Stores the sample side's row t: {@code A(t, s)} ({@code aRow}, length {@code t + 1}, kept), {@code C_g(t, s)}
     * for {@code s <= t} ({@code cgRow}, length {@code T + 1}, kept, and mirrored into the earlier rows) and
     * {@code mu(t)}.
     */
    void setSampleKernels(int t, double[] aRow, double[] cgRow, double muT) {
        a[t] = aRow;
        for (int s = 0; s < t; s++) {
            cg[s][t] = cgRow[s];
        }
        cg[t] = cgRow;
        mu[t] = muT;
    }

    /** @return {@code m_theta(t)} (after {@link #observe}) */
    double mTheta(int t) {
        return mTheta[t];
    }

    /** @return {@code q_theta(t)} (after {@link #observe}) */
    double qTheta(int t) {
        return qTheta[t];
    }

    /** @return a copy of {@code m_theta(0..n-1)} */
    double[] mThetaHead(int n) {
        return Arrays.copyOf(mTheta, n);
    }

    /** @return a copy of {@code q_theta(0..n-1)} */
    double[] qThetaHead(int n) {
        return Arrays.copyOf(qTheta, n);
    }

    /** @return the kernels up to time {@code last} (shared arrays, for inspection) */
    DmftKernels kernels(int last) {
        return new DmftKernels(last, c, a, cg, rq, chi, mu);
    }

    private void query(int t) {
        for (int k = 0; k < classes; k++) {
            double[] row = new double[t + 1];
            if (lookAhead) {
                double prevA = t == 0 ? ca[k][0] : ca[k][t - 1];
                double prevC = t == 0 ? cc[k][0] : cc[k][t - 1];
                qa[k][t] = (1 + beta) * ca[k][t] - beta * prevA;
                qc[k][t] = (1 + beta) * cc[k][t] - beta * prevC;
                for (int s = 0; s < t; s++) {
                    double prev = s < t - 1 ? chi[k][t - 1][s] : 0;
                    row[s] = (1 + beta) * chi[k][t][s] - beta * prev;
                }
            } else {
                qa[k][t] = ca[k][t];
                qc[k][t] = cc[k][t];
                System.arraycopy(chi[k][t], 0, row, 0, t);
            }
            qchi[k][t] = row;
        }
    }

    private void overlaps(int t) {
        double m = 0;
        double[] r = new double[t + 1];
        double[] ct = new double[t + 1];
        for (int k = 0; k < classes; k++) {
            double wk = w[k];
            double om = omega[k];
            m += wk * om * (qa[k][t] * m0 + qc[k][t] * rho);
            double[] x = qchi[k][t];
            for (int s = 0; s < t; s++) {
                r[s] += wk * x[s];
            }
            // v(tau') = sum_{tau<t} chi^q(t,tau) C_g(tau,tau'), by rows of the symmetric C_g
            timesCg(x, t, v);
            double lang = tl > 0 ? 2 * tl / (eta * om) : 0;
            for (int s = 0; s <= t; s++) {
                double[] y = qchi[k][s];
                double sum = 0;
                double lg = 0;
                for (int u = 0; u < s; u++) {
                    sum += v[u] * y[u];
                    lg += x[u] * y[u];
                }
                double start = qa[k][t] * qa[k][s] * q0 + (qa[k][t] * qc[k][s] + qc[k][t] * qa[k][s]) * m0
                        + qc[k][t] * qc[k][s] * rho;
                ct[s] += wk * (om * start + alpha * sum + lang * lg);
                if (s == t) {
                    memQuery[k] = sum;
                }
            }
        }
        c[t] = ct;
        rq[t] = r;
        mq[t] = m;
    }

    /** {@code m_theta(t)} and {@code q_theta(t)} at theta^t (not the query point). */
    void observe(int t) {
        double m = 0;
        double q = 0;
        for (int k = 0; k < classes; k++) {
            double om = omega[k];
            double at = ca[k][t];
            double ct = cc[k][t];
            double[] x = chi[k][t];
            double memory;
            if (lookAhead) {           // theta differs from the query point: (chi C_g chi^T)(t,t) afresh
                timesCg(x, t, v);
                memory = 0;
                for (int u = 0; u < t; u++) {
                    memory += v[u] * x[u];
                }
            } else {
                memory = memQuery[k];
            }
            double lg = 0;
            for (int tau = 0; tau < t; tau++) {
                lg += x[tau] * x[tau];
            }
            double second = at * at * q0 + 2 * at * ct * m0 + ct * ct * rho + alpha / om * memory
                    + (tl > 0 ? 2 * tl / (eta * om * om) * lg : 0);
            m += w[k] * om * (at * m0 + ct * rho);
            q += w[k] * om * second;
        }
        mTheta[t] = m;
        qTheta[t] = q;
    }

    /**
     * {@code out[u] = sum_{tau<t} x[tau] C_g(tau,u)} for {@code u < t}: row-wise over the symmetric C_g (rows
     * {@code tau < t} are complete up to column {@code t - 1}), contiguous in memory.
     */
    void timesCg(double[] x, int t, double[] out) {
        Arrays.fill(out, 0, t, 0);
        for (int tau = 0; tau < t; tau++) {
            double xt = x[tau];
            if (xt == 0) {
                continue;
            }
            double[] row = cg[tau];
            for (int u = 0; u < t; u++) {
                out[u] += xt * row[u];
            }
        }
    }

    /** The coefficients at t + 1 from the kernels of row t. */
    void advance(int t) {
        double[] gam = a[t];
        for (int k = 0; k < classes; k++) {
            double etaOm = eta * omega[k];
            double prevA = t == 0 ? ca[k][0] : ca[k][t - 1];
            double prevC = t == 0 ? cc[k][0] : cc[k][t - 1];
            double sa = 0;
            double sc = 0;
            for (int s = 0; s <= t; s++) {
                sa += gam[s] * qa[k][s];
                sc += gam[s] * qc[k][s];
            }
            ca[k][t + 1] = ca[k][t] + beta * (ca[k][t] - prevA) - eta * lambda * qa[k][t] - etaOm * alpha * sa;
            cc[k][t + 1] = cc[k][t] + beta * (cc[k][t] - prevC) - eta * lambda * qc[k][t]
                    - etaOm * (alpha * sc + mu[t]);
            double[] next = new double[t + 2];
            double[] cur = chi[k][t];
            double[] prev = t == 0 ? null : chi[k][t - 1];
            double[] qcur = qchi[k][t];
            // mem[s] = sum_{s<tau<=t} Gamma(t,tau)/alpha chi^q(tau,s), by rows (chi^q(s,s) = 0)
            Arrays.fill(mem, 0, t + 1, 0);
            for (int tau = 1; tau <= t; tau++) {
                double gt = gam[tau];
                if (gt == 0) {
                    continue;
                }
                double[] row = qchi[k][tau];
                for (int s = 0; s < tau; s++) {
                    mem[s] += gt * row[s];
                }
            }
            for (int s = 0; s <= t; s++) {
                double x = s < t ? cur[s] : 0;
                double xp = prev != null && s < t - 1 ? prev[s] : 0;
                double xq = s < t ? qcur[s] : 0;
                next[s] = x + beta * (x - xp) - eta * lambda * xq - etaOm * ((s == t ? 1 : 0) + alpha * mem[s]);
            }
            chi[k][t + 1] = next;
        }
    }
}
