package org.optdyn.theory.dmft;

import java.util.Arrays;
import java.util.Objects;
import org.optdyn.engine.erm.CovarianceClasses;
import org.optdyn.engine.erm.ErmLoss;
import org.optdyn.engine.erm.ErmProblem;
import org.optdyn.engine.outcome.Outcome;

/**
 * The exact DMFT of the square loss with ridge (dmft.md §3): the sample side is Gaussian, so every kernel closes in
 * closed form and one causal forward sweep over {@code t = 0..T} solves the equations, with no sampling.
 *
 * <p><b>Equations</b> (dmft.md §2.2–§3, derived there from the dynamical cavity; our notation). Per covariance class
 * {@code k} the parameter process is linear, {@code theta^t = a_t theta^0 + c_t theta* + sum_{s<t} chi_k(t,s)
 * xi^s / sqrt(omega_k)}, with query coefficients {@code a^q, c^q, chi^q} (equal to {@code a, c, chi} for GD, SGD and
 * heavy ball; {@code (1+beta) a_t - beta a_{t-1}} etc. for Nesterov). At time {@code t}:
 * <pre>
 *   1-2. C(t,s) = sum_k w_k { omega_k [a^q_t a^q_s Q0 + (a^q_t c^q_s + c^q_t a^q_s) M0 + c^q_t c^q_s rho]
 *                             + alpha (chi^q_k C_g chi^q_k^T)(t,s) + (2 T_L/(eta omega_k)) (chi^q_k chi^q_k^T)(t,s) },
 *        m(t) = sum_k w_k omega_k (a^q_t M0 + c^q_t rho),   R_q(t,s) = sum_k w_k chi^q_k(t,s)
 *   3.   Z(t,s) = C(t,s) - m(t) - m(s) + rho_phi + sigma^2
 *   4.   A(t,t) = kappa b,  A(t,s) = kappa b sum_{s<=tau<t} R_q(t,tau) A(tau,s)
 *   5.   B(t,s) = sum_{tau<=s} A(s,tau) Z(t,tau)
 *   6.   C_g(t,s) = kappa b [B(t,s) + sum_{tau<t} R_q(t,tau) C_g(tau,s)]                                  (s < t)
 *        C_g(t,t) = kappa^2 b [Z(t,t) + 2 sum_tau R_q(t,tau) B(t,tau) + sum_{tau,tau'} R_q(t,tau) R_q(t,tau') C_g(tau,tau')]
 *   7.   Gamma(t,s) = alpha A(t,s),  mu(t) = -alpha sum_{s<=t} A(t,s)
 *   8.   a_{t+1} = a_t + beta (a_t - a_{t-1}) - eta lambda a^q_t - eta omega_k sum_s Gamma(t,s) a^q_s
 *        c_{t+1} = (same for c) - eta omega_k mu(t)
 *        chi(t+1,s) = chi(t,s) + beta (chi(t,s) - chi(t-1,s)) - eta lambda chi^q(t,s)
 *                     - eta omega_k [delta_ts + sum_{s<=tau<=t} Gamma(t,tau) chi^q(tau,s)]
 * </pre>
 * (for heavy ball the first three terms are dmft.md's {@code (1 - eta lambda + beta) a_t - beta a_{t-1}}; for
 * Nesterov they are {@code (1 - eta lambda) a^q_t}). Observables: {@code L_train(t) = C_g(t,t)/(2 b kappa^2)} at the
 * query point, and at {@code theta^t}: {@code m_theta(t) = sum_k w_k omega_k (a_t M0 + c_t rho)},
 * {@code q_theta(t) = sum_k w_k omega_k E_k theta_t^2} with {@code E_k theta_t^2 = a_t^2 Q0 + 2 a_t c_t M0 + c_t^2 rho
 * + (alpha/omega_k) (chi_k C_g chi_k^T)(t,t) + (2 T_L/(eta omega_k^2)) sum_tau chi_k(t,tau)^2}, and
 * {@code L_test(t) = (q_theta - 2 m_theta + rho_phi + sigma^2)/2}.
 *
 * <p><b>Cost.</b> Every step is a handful of {@code O(t)}-long sums per pair of times, so the sweep costs
 * {@code O(K T^3)} time and {@code O(K T^2)} memory: the quadruple sum {@code chi C_g chi^T} is evaluated as
 * {@code (chi(t,.) C_g) chi(s,.)^T}, {@code O(t^2)} per row, and {@code C_g} is stored as a full symmetric matrix so
 * that every product runs along rows (at T = 1000 about 2 s, see {@code DmftBench}). Sizes whose kernels cannot fit in the heap are refused
 * with the estimate.
 *
 * <p><b>Divergence</b> is a result: if a loss becomes non-finite or exceeds {@code 1e12} times its initial value
 * (the per-step stability limit of dmft.md §8 step 6 exceeded), the solve stops with {@link Outcome.Diverged}
 * carrying the solution up to that step.
 */
public final class SquareLossDmft {

    /** A loss above this multiple of the initial test loss is reported as divergence. */
    public static final double DIVERGENCE_FACTOR = 1e12;

    private SquareLossDmft() {
    }

    /**
     * @param problem a square-loss problem
     * @return the solution at steps {@code 0..T}, or its divergence with the steps before it
     * @throws IllegalArgumentException if the loss is not square, or the kernels cannot fit in memory
     */
    public static Outcome<DmftSolution> solve(ErmProblem problem) {
        Objects.requireNonNull(problem, "problem");
        if (!(problem.loss() instanceof ErmLoss.Square)) {
            throw new IllegalArgumentException("loss: the exact solver needs the square loss, got " + problem.loss());
        }
        int kClasses = problem.covariance().size();
        long n = problem.steps() + 2L;
        long bytes = 8L * n * n * (4 + 2L * kClasses);
        long available = Runtime.getRuntime().maxMemory();
        if (bytes > available / 2) {
            throw new IllegalArgumentException("steps = " + problem.steps() + " needs about " + (bytes >> 20)
                    + " MiB of kernels (O(K T^2)), more than half the heap (" + (available >> 20) + " MiB)");
        }
        return new Sweep(problem).run();
    }

    /**
     * The state of one forward sweep. Lower-triangular rows ({@code x[t]} has length {@code t + 1}), except the
     * symmetric {@code C_g}, stored full.
     */
    private static final class Sweep {
        private final ErmProblem p;
        private final int steps;
        private final int classes;
        private final double[] w;
        private final double[] omega;
        private final double alpha;
        private final double eta;
        private final double lambda;
        private final double beta;
        private final boolean lookAhead;
        private final double kb;
        private final double kkb;
        private final double rho;
        private final double rhoPhi;
        private final double sigma2;
        private final double m0;
        private final double q0;
        private final double tl;
        // kernels
        private final double[][] c;
        private final double[][] a;
        private final double[][] cg;
        private final double[][] rq;
        private final double[] mu;
        // parameter side, per class: theta-level and query-level coefficients
        private final double[][] ca;
        private final double[][] cc;
        private final double[][][] chi;
        private final double[][] qa;
        private final double[][] qc;
        private final double[][][] qchi;
        // observables
        private final double[] mq;
        private final double[] mTheta;
        private final double[] qOut;
        private final double[] train;
        private final double[] test;
        // scratch
        private final double[] v;
        private final double[] b;
        private final double[] z;
        private final double[] memQuery;

        Sweep(ErmProblem p) {
            this.p = p;
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
            this.kb = p.kappa() * p.batchFraction();
            this.kkb = p.kappa() * p.kappa() * p.batchFraction();
            this.rho = p.teacherSecondMoment();
            this.rhoPhi = p.teacherPreactivationMoment();
            this.sigma2 = p.labelNoise() * p.labelNoise();
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
            qOut = new double[n];
            train = new double[n];
            test = new double[n];
            v = new double[n];
            b = new double[n];
            z = new double[n];
            memQuery = new double[classes];
            for (int k = 0; k < classes; k++) {
                ca[k][0] = 1;
                chi[k][0] = new double[1];
            }
        }

        Outcome<DmftSolution> run() {
            double initial = 0;
            for (int t = 0; t <= steps; t++) {
                query(t);
                overlaps(t);
                sampleSide(t);
                observe(t);
                if (t == 0) {
                    initial = Math.max(test[0], train[0]);
                }
                double worst = Math.max(test[t], train[t]);
                if (!Double.isFinite(worst) || !Double.isFinite(mTheta[t]) || worst > DIVERGENCE_FACTOR * initial) {
                    String reason = "loss " + worst + " at step " + t + " (initial " + initial + "): beyond "
                            + DIVERGENCE_FACTOR + " times the initial loss; the step eta = " + eta
                            + " exceeds the stability limit (dmft.md §8 step 6)";
                    return new Outcome.Diverged<>(t, reason, solution(t - 1));
                }
                if (t < steps) {
                    advance(t);
                }
            }
            return new Outcome.Completed<>(solution(steps));
        }

        /** Step 1: the query coefficients at time t. */
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

        /** Step 2: C(t, s) for s <= t, m(t) and R_q(t, s). */
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
                    double mem = 0;
                    double lg = 0;
                    for (int u = 0; u < s; u++) {
                        mem += v[u] * y[u];
                        lg += x[u] * y[u];
                    }
                    double start = qa[k][t] * qa[k][s] * q0 + (qa[k][t] * qc[k][s] + qc[k][t] * qa[k][s]) * m0
                            + qc[k][t] * qc[k][s] * rho;
                    ct[s] += wk * (om * start + alpha * mem + lang * lg);
                    if (s == t) {
                        memQuery[k] = mem;
                    }
                }
            }
            c[t] = ct;
            rq[t] = r;
            mq[t] = m;
        }

        /** Steps 3-7: Z, A, B, C_g, mu at time t. */
        private void sampleSide(int t) {
            double[] r = rq[t];
            double mt = mq[t];
            for (int s = 0; s <= t; s++) {
                z[s] = c[t][s] - mt - mq[s] + rhoPhi + sigma2;
            }
            double[] at = new double[t + 1];
            for (int tau = 0; tau < t; tau++) {           // at[s] = sum_{s<=tau<t} R_q(t,tau) A(tau,s), by rows
                double rt = r[tau];
                if (rt == 0) {
                    continue;
                }
                double[] row = a[tau];
                for (int s = 0; s <= tau; s++) {
                    at[s] += rt * row[s];
                }
            }
            for (int s = 0; s < t; s++) {
                at[s] *= kb;
            }
            at[t] = kb;
            a[t] = at;
            for (int s = 0; s < t; s++) {
                double acc = 0;
                double[] as = a[s];
                for (int tau = 0; tau <= s; tau++) {
                    acc += as[tau] * z[tau];
                }
                b[s] = acc;
            }
            // w(s) = sum_{tau<t} R_q(t,tau) C_g(tau,s): the off-diagonal row needs it, the diagonal its r-weighted sum
            timesCg(r, t, v);
            double[] g = new double[steps + 1];
            double cross = 0;
            double quad = 0;
            for (int s = 0; s < t; s++) {
                g[s] = kb * (b[s] + v[s]);
                cg[s][t] = g[s];
                cross += r[s] * b[s];
                quad += r[s] * v[s];
            }
            g[t] = kkb * (z[t] + 2 * cross + quad);
            cg[t] = g;
            double sum = 0;
            for (int s = 0; s <= t; s++) {
                sum += at[s];
            }
            mu[t] = -alpha * sum;
        }

        /** The observables at time t (training loss at the query point, the rest at theta^t). */
        private void observe(int t) {
            train[t] = cg[t][t] / (2 * p.batchFraction() * p.kappa() * p.kappa());
            double m = 0;
            double q = 0;
            for (int k = 0; k < classes; k++) {
                double om = omega[k];
                double at = ca[k][t];
                double ct = cc[k][t];
                double[] x = chi[k][t];
                double mem;
                if (lookAhead) {           // theta differs from the query point: (chi C_g chi^T)(t,t) afresh
                    timesCg(x, t, v);
                    mem = 0;
                    for (int u = 0; u < t; u++) {
                        mem += v[u] * x[u];
                    }
                } else {
                    mem = memQuery[k];
                }
                double lg = 0;
                for (int tau = 0; tau < t; tau++) {
                    lg += x[tau] * x[tau];
                }
                double second = at * at * q0 + 2 * at * ct * m0 + ct * ct * rho + alpha / om * mem
                        + (tl > 0 ? 2 * tl / (eta * om * om) * lg : 0);
                m += w[k] * om * (at * m0 + ct * rho);
                q += w[k] * om * second;
            }
            mTheta[t] = m;
            qOut[t] = q;
            test[t] = 0.5 * (q - 2 * m + rhoPhi + sigma2);
        }

        /**
         * {@code out[u] = sum_{tau<t} x[tau] C_g(tau,u)} for {@code u < t}: row-wise over the symmetric C_g (rows
         * {@code tau < t} are complete up to column {@code t - 1}), contiguous in memory.
         */
        private void timesCg(double[] x, int t, double[] out) {
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

        /** Step 8: the coefficients at t + 1. */
        private void advance(int t) {
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
                double[] mem = z;
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

        private DmftSolution solution(int last) {
            int n = last + 1;
            var kernels = new DmftKernels(last, c, a, cg, rq, chi, mu);
            return new DmftSolution(p, Arrays.copyOf(mTheta, n), Arrays.copyOf(qOut, n), Arrays.copyOf(train, n),
                    Arrays.copyOf(test, n), kernels);
        }
    }
}
