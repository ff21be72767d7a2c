package org.optdyn.theory.dmft;

import java.util.Arrays;
import java.util.Objects;
import org.optdyn.engine.erm.ErmLoss;
import org.optdyn.engine.erm.ErmProblem;
import org.optdyn.engine.outcome.Outcome;

/**
 * The exact DMFT of the square loss with ridge (dmft.md §3): the sample side is Gaussian, so every kernel closes in
 * closed form and one causal forward sweep over {@code t = 0..T} solves the equations, with no sampling. The parameter
 * side (steps 1, 2 and 8 below, and the observables at {@code theta^t}) is {@link ParameterSide}, shared with the
 * Monte-Carlo solver of general losses ({@link MonteCarloDmft}).
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
        long bytes = 8L * ParameterSide.kernelDoubles(problem);
        long available = Runtime.getRuntime().maxMemory();
        if (bytes > available / 2) {
            throw new IllegalArgumentException("steps = " + problem.steps() + " needs about " + (bytes >> 20)
                    + " MiB of kernels (O(K T^2)), more than half the heap (" + (available >> 20) + " MiB)");
        }
        return new Sweep(problem).run();
    }

    /**
     * The state of one forward sweep: the exact parameter side ({@link ParameterSide}) and the closed Gaussian sample
     * side of steps 3-7.
     */
    private static final class Sweep {
        private final ErmProblem p;
        private final ParameterSide ps;
        private final int steps;
        private final double alpha;
        private final double eta;
        private final double kb;
        private final double kkb;
        private final double rhoPhi;
        private final double sigma2;
        private final double[] train;
        private final double[] test;
        // scratch
        private final double[] v;
        private final double[] b;
        private final double[] z;

        Sweep(ErmProblem p) {
            this.p = p;
            this.ps = new ParameterSide(p);
            this.steps = p.steps();
            this.alpha = p.alpha();
            this.eta = p.learningRate();
            this.kb = p.kappa() * p.batchFraction();
            this.kkb = p.kappa() * p.kappa() * p.batchFraction();
            this.rhoPhi = p.teacherPreactivationMoment();
            this.sigma2 = p.labelNoise() * p.labelNoise();
            int n = steps + 1;
            train = new double[n];
            test = new double[n];
            v = new double[n];
            b = new double[n];
            z = new double[n];
        }

        Outcome<DmftSolution> run() {
            double initial = 0;
            for (int t = 0; t <= steps; t++) {
                ps.prepare(t);
                sampleSide(t);
                observe(t);
                if (t == 0) {
                    initial = Math.max(test[0], train[0]);
                }
                double worst = Math.max(test[t], train[t]);
                if (!Double.isFinite(worst) || !Double.isFinite(ps.mTheta(t)) || worst > DIVERGENCE_FACTOR * initial) {
                    String reason = "loss " + worst + " at step " + t + " (initial " + initial + "): beyond "
                            + DIVERGENCE_FACTOR + " times the initial loss; the step eta = " + eta
                            + " exceeds the stability limit (dmft.md §8 step 6)";
                    return new Outcome.Diverged<>(t, reason, solution(t - 1));
                }
                if (t < steps) {
                    ps.advance(t);
                }
            }
            return new Outcome.Completed<>(solution(steps));
        }

        /** Steps 3-7: Z, A, B, C_g, mu at time t. */
        private void sampleSide(int t) {
            double[] r = ps.rq(t);
            double[] ct = ps.c(t);
            double mt = ps.m(t);
            for (int s = 0; s <= t; s++) {
                z[s] = ct[s] - mt - ps.m(s) + rhoPhi + sigma2;
            }
            double[] at = new double[t + 1];
            for (int tau = 0; tau < t; tau++) {           // at[s] = sum_{s<=tau<t} R_q(t,tau) A(tau,s), by rows
                double rt = r[tau];
                if (rt == 0) {
                    continue;
                }
                double[] row = ps.a(tau);
                for (int s = 0; s <= tau; s++) {
                    at[s] += rt * row[s];
                }
            }
            for (int s = 0; s < t; s++) {
                at[s] *= kb;
            }
            at[t] = kb;
            for (int s = 0; s < t; s++) {
                double acc = 0;
                double[] as = ps.a(s);
                for (int tau = 0; tau <= s; tau++) {
                    acc += as[tau] * z[tau];
                }
                b[s] = acc;
            }
            // w(s) = sum_{tau<t} R_q(t,tau) C_g(tau,s): the off-diagonal row needs it, the diagonal its r-weighted sum
            ps.timesCg(r, t, v);
            double[] g = new double[steps + 1];
            double cross = 0;
            double quad = 0;
            for (int s = 0; s < t; s++) {
                g[s] = kb * (b[s] + v[s]);
                cross += r[s] * b[s];
                quad += r[s] * v[s];
            }
            g[t] = kkb * (z[t] + 2 * cross + quad);
            double sum = 0;
            for (int s = 0; s <= t; s++) {
                sum += at[s];
            }
            ps.setSampleKernels(t, at, g, -alpha * sum);
        }

        /** The observables at time t (training loss at the query point, the rest at theta^t). */
        private void observe(int t) {
            train[t] = ps.cg(t, t) / (2 * p.batchFraction() * p.kappa() * p.kappa());
            ps.observe(t);
            test[t] = 0.5 * (ps.qTheta(t) - 2 * ps.mTheta(t) + rhoPhi + sigma2);
        }

        private DmftSolution solution(int last) {
            int n = last + 1;
            return new DmftSolution(p, ps.mThetaHead(n), ps.qThetaHead(n), Arrays.copyOf(train, n),
                    Arrays.copyOf(test, n), ps.kernels(last));
        }
    }
}
