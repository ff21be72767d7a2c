package org.optdyn.theory.pde;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.optdyn.engine.dln.DlnInstance;
import org.optdyn.engine.dln.DlnProblem;
import org.optdyn.engine.dln.DlnTrajectory;
import org.optdyn.engine.dln.Parametrisation;
import org.optdyn.engine.outcome.Outcome;

/**
 * The mean-field PDE of diagonal-networks.md §3 solved without particles (§5): for each class
 * {@code (k, beta, c(0))} of the instance, the density {@code p(theta)} of {@code theta = ab} solves the reduced
 * one-dimensional Fokker–Planck equation
 * <pre>
 *   dp/dt = -d/dtheta [ mu p ] + d^2/dtheta^2 [ D p ],
 *   mu = -gamma k (theta - beta) S + 2 gamma^2 R k theta,   D = gamma^2 R k S^2,   S = sqrt(c(t)^2 + 4 theta^2),
 *   c(t) = c(0) exp(-2 gamma^2 k I(t)),   I(t) = int_0^t R ds,
 * </pre>
 * coupled through the risk {@code R = (1/2) sum_classes w k int (theta - beta)^2 p + sigma^2/2} (quadrature). The
 * observables are the class-weighted integrals: curvature {@code k int S p} ({@code a^2 + b^2 = S}), imbalance
 * {@code c(t)}, {@code l1 = int |theta| p}, distance {@code int (theta - beta)^2 p}.
 *
 * <p><b>Scheme.</b> Finite volumes on {@code [-L, L]} with an odd number {@code N} of cells of width
 * {@code h = 2L/N} (so {@code theta = 0} is a cell centre), zero flux at the two ends. The flux
 * {@code J = v p - D dp/dtheta}, {@code v = mu - dD/dtheta}, through each face is the exponentially fitted
 * (Scharfetter–Gummel) flux {@code (D/h)[B(-z) p_left - B(z) p_right]}, {@code B(z) = z/(e^z - 1)}, {@code z = v h/D},
 * with {@code v} and {@code D} taken at the face: second order where {@code |z|} is small, upwind where the diffusion
 * vanishes ({@code R -> 0} at {@code sigma = 0}), and positivity- and mass-preserving throughout. Time: Crank–Nicolson
 * (a tridiagonal solve per class and step) with a predictor for the coupling ({@code R} and {@code c} at the new time
 * from a first Crank–Nicolson pass with the old operator) and the trapezoidal rule for {@code I}, so second order in
 * {@code dt}; the first step is four backward-Euler quarter steps (Rannacher start), which damps the oscillation
 * Crank–Nicolson would keep from the point-mass start. A start {@code theta(0) = a b} that is not a cell centre is
 * split between its two neighbouring cells (mean preserved).
 *
 * <p><b>Error estimate.</b> {@link #estimate} solves at {@code (h, dt)} and at {@code (h', dt/2)} with {@code 2N + 1}
 * cells ({@code h' ~ h/2}) and returns the fine solution with error {@code |x_coarse - x_fine|}: for a scheme of
 * order {@code p >= 1} in the refinement, the fine error is {@code |difference|/(2^p - 1)} to leading order, at most
 * the difference. Measured: order 2 (change ratio 4.0) at sigma = 0.3 and at the gamma = 2 and 3 peaks of N7. Not
 * a bound where the order drops below 1: at sigma = 0 once the risk and the imbalance are small the fluxes are upwind
 * (first order at best), and at gamma = 3, t = 1.1 the change ratio is 1.7 (order 0.8); refine once more and compare
 * there.
 *
 * <p><b>Cost.</b> {@code O(N)} per class and step, two tridiagonal solves per step, nothing allocated in the loop.
 * Divergence: a non-finite risk, a risk above {@code 1e12 R(0)}, or mass reaching the two outermost cells (more than
 * {@link #EDGE_MASS}; the solution is then no longer that of the whole line) is {@link Outcome.Diverged} with the step
 * and time. A {@link Parametrisation#SQUARES} problem with step {@code gamma} is solved as the product one with step
 * {@code 2 gamma} (as {@link ParticleSolver} does).
 *
 * @param cells     the number {@code N} of cells, odd and {@code >= 11}
 * @param halfWidth {@code L}, finite and {@code > 0}
 * @param dt        the time step, finite and {@code > 0}
 */
public record FokkerPlanckGrid(int cells, double halfWidth, double dt) {

    /** Mass in the two outermost cells of any class above which the domain is too small. */
    public static final double EDGE_MASS = 1e-9;

    public FokkerPlanckGrid {
        if (cells < 11 || cells % 2 == 0) {
            throw new IllegalArgumentException("cells must be odd and >= 11, got " + cells);
        }
        if (!(halfWidth > 0) || !Double.isFinite(halfWidth)) {
            throw new IllegalArgumentException("halfWidth must be finite and > 0, got " + halfWidth);
        }
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
        }
    }

    /**
     * @return the grid of 2001 cells on {@code [-10, 10]} ({@code h = 0.01}) with {@code dt = 0.002}. The domain: for
     *         large {@code |theta|} the drift is {@code -2 gamma k theta |theta|} and the diffusion
     *         {@code 4 gamma^2 R k theta^2}, so the density has exponential tails of rate {@code 1/(2 gamma R)}; at
     *         {@code gamma = 2}, {@code R = 0.12} that leaves {@code e^-40} beyond 10 (but 4.5e-5 beyond 4). Larger
     *         {@code gamma R} needs a larger {@code L} (the run says so: mass at the edge is a divergence).
     */
    public static FokkerPlanckGrid defaults() {
        return new FokkerPlanckGrid(2001, 10, 0.002);
    }

    /** @return the grid with {@code 2N + 1} cells and step {@code dt/2} */
    public FokkerPlanckGrid refined() {
        return new FokkerPlanckGrid(2 * cells + 1, halfWidth, dt / 2);
    }

    /** One class of coordinates: weight {@code w} (fraction of coordinates), {@code k}, {@code beta}, start. */
    record Population(double weight, double k, double beta, double theta0, double c0) {
    }

    /** @return the classes of an instance: coordinates grouped by equal {@code (k, beta, u0, v0)} */
    static List<Population> classes(DlnInstance instance) {
        double[] k = instance.k();
        double[] beta = instance.target();
        double[] u = instance.u0();
        double[] v = instance.v0();
        var counts = new LinkedHashMap<List<Double>, Integer>();
        for (int i = 0; i < k.length; i++) {
            counts.merge(List.of(k[i], beta[i], u[i], v[i]), 1, Integer::sum);
        }
        var out = new ArrayList<Population>();
        counts.forEach((key, n) -> out.add(new Population((double) n / k.length, key.get(0), key.get(1),
                key.get(2) * key.get(3), key.get(2) * key.get(2) - key.get(3) * key.get(3))));
        return out;
    }

    /**
     * Solves the reduced Fokker–Planck equations of the problem's classes (coordinates with equal
     * {@code (k, beta, u0, v0)}; N1 has four at any {@code d}), recording at the grid times rounded to the nearest
     * step.
     *
     * @throws IllegalArgumentException if the instance has more than 64 classes (this is a solver for a discrete class
     *                                  set; use {@link ParticleSolver} for a continuous law)
     */
    public Outcome<GridSolution> solve(DlnProblem problem) {
        Objects.requireNonNull(problem, "problem");
        var pops = classes(problem.instance());
        if (pops.size() > 64) {
            throw new IllegalArgumentException("the instance has " + pops.size() + " classes (distinct (k, beta, u0, "
                    + "v0)); the grid solver takes at most 64");
        }
        double gamma = problem.parametrisation() == Parametrisation.SQUARES ? 2 * problem.gamma() : problem.gamma();
        for (var p : pops) {
            if (Math.abs(p.theta0()) >= halfWidth - 2 * 2 * halfWidth / cells) {
                throw new IllegalArgumentException("the start theta = " + p.theta0() + " lies outside the grid's "
                        + "interior (halfWidth " + halfWidth + ")");
            }
        }
        return new Run(pops, gamma, problem.sigma()).iterate(ParticleSolver.steps(problem.grid(), dt));
    }

    /**
     * The fine solution ({@link #refined()}) with its error estimate {@code |coarse - fine|} per observable and
     * recorded time. The grid times must be multiples of {@code dt}.
     *
     * @return the estimate, or the first divergence of the two runs (its partial value is the coarse run's records,
     *         with zero error, i.e. not estimated)
     */
    public Outcome<GridEstimate> estimate(DlnProblem problem) {
        Objects.requireNonNull(problem, "problem");
        ParticleSolver.requireHalfStepAligned(problem.grid(), dt, "refined run");
        var c = solve(problem);
        var f = refined().solve(problem);
        for (var o : List.of(c, f)) {
            if (o instanceof Outcome.Diverged<GridSolution> d) {
                var partial = c.value();
                return new Outcome.Diverged<>(d.step(), d.time(), (o == c ? "coarse run: " : "refined run: ")
                        + d.reason(), new GridEstimate(partial, ParticleSolver.zero(partial.trajectory()),
                        partial.trajectory()));
            }
        }
        DlnTrajectory x = c.value().trajectory();
        DlnTrajectory y = f.value().trajectory();
        var error = ParticleSolver.combine(x, y, (p, q) -> Math.abs(p - q));
        return new Outcome.Completed<>(new GridEstimate(f.value(), error, x));
    }

    /** The state of one solve: masses per class and cell, the integrated risk and the work arrays. */
    private final class Run {
        private final List<Population> pops;
        private final double gamma;
        private final double sigma;
        private final double h;
        private final double[] theta;
        private final double[][] mass;
        private final double[][] predicted;
        private final double[] lower;
        private final double[] diag;
        private final double[] upper;
        private final double[][] rhs;
        private final double[] scratch;
        private double integrated;
        /** {@code 1/dt} when an integer, else 0 (the particle solver's record-time rule). */
        private final double perUnit = ParticleSystem.perUnit(dt);
        /** The risk of {@code mass}, kept current by every step. */
        private double currentRisk;

        Run(List<Population> pops, double gamma, double sigma) {
            this.pops = pops;
            this.gamma = gamma;
            this.sigma = sigma;
            this.h = 2 * halfWidth / cells;
            theta = new double[cells];
            for (int j = 0; j < cells; j++) {
                theta[j] = -halfWidth + (j + 0.5) * h;
            }
            mass = new double[pops.size()][cells];
            predicted = new double[pops.size()][cells];
            for (int c = 0; c < pops.size(); c++) {
                double x = (pops.get(c).theta0() + halfWidth) / h - 0.5;
                int j = (int) Math.floor(x);
                double frac = x - j;
                mass[c][j] = 1 - frac;
                mass[c][j + 1] += frac;
            }
            lower = new double[cells];
            diag = new double[cells];
            upper = new double[cells];
            rhs = new double[pops.size()][cells];
            scratch = new double[cells];
        }

        Outcome<GridSolution> iterate(long[] recordSteps) {
            int n = recordSteps.length;
            double[] times = new double[n];
            double[][] obs = new double[5][n];
            double[] integratedAt = new double[n];
            currentRisk = risk(mass);
            double r0 = currentRisk;
            long step = 0;
            int rec = 0;
            while (rec < n) {
                if (step == recordSteps[rec]) {
                    times[rec] = time(step);
                    observe(obs, rec);
                    integratedAt[rec] = integrated;
                    rec++;
                    continue;
                }
                if (step == 0) {
                    rannacherStep();
                } else {
                    crankNicolsonStep();
                }
                step++;
                double r = currentRisk;
                String problem = !Double.isFinite(r) || r > 1e12 * r0 ? "risk " + r : edgeProblem();
                if (problem != null) {
                    return new Outcome.Diverged<>(step, time(step), problem,
                            solution(times, obs, integratedAt, rec));
                }
            }
            return new Outcome.Completed<>(solution(times, obs, integratedAt, n));
        }

        private GridSolution solution(double[] times, double[][] obs, double[] integratedAt, int n) {
            var t = new DlnTrajectory(Arrays.copyOf(times, n), Arrays.copyOf(obs[0], n),
                    Arrays.copyOf(obs[1], n), Arrays.copyOf(obs[2], n),
                    Arrays.copyOf(obs[3], n), Arrays.copyOf(obs[4], n));
            return new GridSolution(t, Arrays.copyOf(integratedAt, n), cells, halfWidth, dt);
        }

        private double time(long step) {
            return perUnit > 0 ? step / perUnit : step * dt;
        }

        private String edgeProblem() {
            for (int c = 0; c < pops.size(); c++) {
                double[] m = mass[c];
                double edge = m[0] + m[1] + m[cells - 2] + m[cells - 1];
                if (!(edge <= EDGE_MASS)) {
                    return "mass " + edge + " of class (k = " + pops.get(c).k() + ", beta = " + pops.get(c).beta()
                            + ") reached the domain edge |theta| = " + halfWidth;
                }
            }
            return null;
        }

        /** @return the risk of the masses {@code m} */
        private double risk(double[][] m) {
            double s = 0;
            for (int c = 0; c < pops.size(); c++) {
                var p = pops.get(c);
                double[] mc = m[c];
                double q = 0;
                for (int j = 0; j < cells; j++) {
                    double e = theta[j] - p.beta();
                    q += e * e * mc[j];
                }
                s += p.weight() * p.k() * q;
            }
            return 0.5 * s + 0.5 * sigma * sigma;
        }

        private double imbalanceOf(Population p, double integratedRisk) {
            return p.c0() * Math.exp(-2 * gamma * gamma * p.k() * integratedRisk);
        }

        private void observe(double[][] obs, int rec) {
            double curvature = 0;
            double imbalance = 0;
            double l1 = 0;
            double distance = 0;
            for (int c = 0; c < pops.size(); c++) {
                var p = pops.get(c);
                double cc = imbalanceOf(p, integrated);
                double[] m = mass[c];
                double s = 0;
                double a = 0;
                double q = 0;
                for (int j = 0; j < cells; j++) {
                    double th = theta[j];
                    s += Math.sqrt(cc * cc + 4 * th * th) * m[j];
                    a += Math.abs(th) * m[j];
                    q += (th - p.beta()) * (th - p.beta()) * m[j];
                }
                curvature += p.weight() * p.k() * s;
                imbalance += p.weight() * cc;
                l1 += p.weight() * a;
                distance += p.weight() * q;
            }
            obs[0][rec] = currentRisk;
            obs[1][rec] = curvature;
            obs[2][rec] = imbalance;
            obs[3][rec] = l1;
            obs[4][rec] = distance;
        }

        /**
         * Fills {@code lo, di, up} with the generator of class {@code p} at risk {@code r} and imbalance {@code cc}:
         * {@code dm_j/dt = lo_j m_{j-1} + di_j m_j + up_j m_{j+1}}.
         */
        private void operator(Population p, double r, double cc, double[] lo, double[] di, double[] up) {
            double k = p.k();
            double g2rk = gamma * gamma * r * k;
            Arrays.fill(di, 0);
            lo[0] = 0;
            up[cells - 1] = 0;
            for (int j = 0; j < cells - 1; j++) {
                double th = theta[j] + 0.5 * h;
                double s2 = cc * cc + 4 * th * th;
                double mu = -gamma * k * (th - p.beta()) * Math.sqrt(s2) + 2 * g2rk * th;
                double diff = g2rk * s2;
                double v = mu - 8 * g2rk * th;
                double a;
                double b;
                double z = v * h / diff;
                if (!(diff > 0) || Math.abs(z) > 40) {
                    // vanishing diffusion or |z| > 40 (e^-40 = 4e-18 relative): the upwind flux
                    a = Math.max(v, 0) / h;
                    b = Math.max(-v, 0) / h;
                } else {
                    // B(z) = z/(e^z - 1) and B(-z) = e^z B(z), scaled by D/h^2; the series to z^4 below |z| = 0.01
                    // (remainder z^6/30240 < 4e-17)
                    double dh = diff / (h * h);
                    if (Math.abs(z) < 0.01) {
                        double z2 = z * z;
                        double even = 1 + z2 / 12 - z2 * z2 / 720;
                        b = dh * (even - z / 2);
                        a = dh * (even + z / 2);
                    } else {
                        double e = Math.exp(z);
                        b = dh * z / (e - 1);
                        a = b * e;
                    }
                }
                // face j + 1/2: flux a m_j - b m_{j+1} leaves cell j and enters cell j + 1
                di[j] -= a;
                up[j] = b;
                lo[j + 1] = a;
                di[j + 1] -= b;
            }
        }

        /** {@code out = (I + f A) m} for the tridiagonal generator {@code A}. */
        private void explicitPart(double[] m, double f, double[] lo, double[] di, double[] up, double[] out) {
            for (int j = 0; j < cells; j++) {
                double s = m[j] + f * di[j] * m[j];
                if (j > 0) {
                    s += f * lo[j] * m[j - 1];
                }
                if (j < cells - 1) {
                    s += f * up[j] * m[j + 1];
                }
                out[j] = s;
            }
        }

        /** Solves {@code (I - f A) x = b} in place of {@code b} (Thomas; the matrix is a column-diagonally dominant M-matrix). */
        private void implicitSolve(double f, double[] lo, double[] di, double[] up, double[] b) {
            double[] c = scratch;
            double den = 1 - f * di[0];
            c[0] = -f * up[0] / den;
            b[0] = b[0] / den;
            for (int j = 1; j < cells; j++) {
                double l = -f * lo[j];
                den = 1 - f * di[j] - l * c[j - 1];
                c[j] = j < cells - 1 ? -f * up[j] / den : 0;
                b[j] = (b[j] - l * b[j - 1]) / den;
            }
            for (int j = cells - 2; j >= 0; j--) {
                b[j] -= c[j] * b[j + 1];
            }
        }

        /** The first step: four backward-Euler quarter steps, the coupling taken at the start of each. */
        private void rannacherStep() {
            double q = dt / 4;
            for (int s = 0; s < 4; s++) {
                double r = currentRisk;
                for (int c = 0; c < pops.size(); c++) {
                    var p = pops.get(c);
                    operator(p, r, imbalanceOf(p, integrated), lower, diag, upper);
                    implicitSolve(q, lower, diag, upper, mass[c]);
                }
                currentRisk = risk(mass);
                integrated += q * 0.5 * (r + currentRisk);
            }
        }

        /** One Crank–Nicolson step with a predicted coupling at the new time. */
        private void crankNicolsonStep() {
            double r0 = currentRisk;
            double f = dt / 2;
            // predictor: Crank–Nicolson with the old operator on both sides; keeps (I + f A_old) m as rhs[c]
            for (int c = 0; c < pops.size(); c++) {
                var p = pops.get(c);
                operator(p, r0, imbalanceOf(p, integrated), lower, diag, upper);
                explicitPart(mass[c], f, lower, diag, upper, rhs[c]);
                System.arraycopy(rhs[c], 0, predicted[c], 0, cells);
                implicitSolve(f, lower, diag, upper, predicted[c]);
            }
            double r1 = risk(predicted);
            double newIntegrated = integrated + dt * 0.5 * (r0 + r1);
            // corrector: the same explicit half, the predicted new operator implicit
            for (int c = 0; c < pops.size(); c++) {
                var p = pops.get(c);
                operator(p, r1, imbalanceOf(p, newIntegrated), lower, diag, upper);
                implicitSolve(f, lower, diag, upper, rhs[c]);
                System.arraycopy(rhs[c], 0, mass[c], 0, cells);
            }
            currentRisk = risk(mass);
            integrated += dt * 0.5 * (r0 + currentRisk);
        }
    }
}
