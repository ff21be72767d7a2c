package org.optdyn.engine.erm;

import org.optdyn.engine.kernel.Kernels;
import org.optdyn.engine.random.GaussianStream;

/**
 * One drawn instance of an {@link ErmProblem} at dimension {@code d} (dmft.md §8 step 1), in {@code Sigma}'s
 * eigenbasis so that {@code Sigma = diag(omega_i)}: class {@code k} owns the coordinates
 * {@code [round(d W_{k-1}), round(d W_k))} with {@code W_k = w_1 + ... + w_k} (so about {@code w_k d} of them and the
 * counts sum to {@code d}). Drawn from one Gaussian stream in this order:
 * <ol>
 *   <li>{@code X}, row-major {@code n x d}, {@code n = round(alpha d)}: {@code x_{mu i} = sqrt(omega_i / d) z};</li>
 *   <li>{@code theta*_i = sqrt(rho) z};</li>
 *   <li>{@code eps_mu = z}, labels {@code y_mu = f(x_mu . theta*, sigma eps_mu)} ({@link ErmLoss#label});</li>
 *   <li>{@code theta0_i = (M0/rho) theta*_i + sqrt(Q0 - M0^2/rho) z}, so {@code E theta0_i theta*_i = M0} and
 *       {@code E theta0_i^2 = Q0}.</li>
 * </ol>
 * Package-private: arrays are shared, not copied (the simulator's hot loop reads them).
 */
final class ErmInstance {

    final int n;
    final int d;
    /** row-major {@code n x d} */
    final double[] x;
    /** {@code omega_i}, the diagonal of {@code Sigma} */
    final double[] omega;
    final double[] thetaStar;
    final double[] y;
    final double[] theta0;

    private ErmInstance(int n, int d, double[] x, double[] omega, double[] thetaStar, double[] y, double[] theta0) {
        this.n = n;
        this.d = d;
        this.x = x;
        this.omega = omega;
        this.thetaStar = thetaStar;
        this.y = y;
        this.theta0 = theta0;
    }

    /** @return {@code n = round(alpha d)} */
    static int samples(ErmProblem problem, int d) {
        return (int) Math.round(problem.alpha() * d);
    }

    static ErmInstance draw(ErmProblem problem, int d, GaussianStream g) {
        int n = samples(problem, d);
        var cov = problem.covariance();
        double[] omega = new double[d];
        double cumulative = 0;
        int start = 0;
        for (int k = 0; k < cov.size(); k++) {
            cumulative += cov.weight(k);
            int end = k == cov.size() - 1 ? d : (int) Math.min(d, Math.round(cumulative * d));
            for (int i = start; i < end; i++) {
                omega[i] = cov.eigenvalue(k);
            }
            start = Math.max(start, end);
        }
        double[] scale = new double[d];
        for (int i = 0; i < d; i++) {
            scale[i] = Math.sqrt(omega[i] / d);
        }
        double[] x = new double[n * d];
        g.fill(x);
        for (int mu = 0; mu < n; mu++) {
            int row = mu * d;
            for (int i = 0; i < d; i++) {
                x[row + i] *= scale[i];
            }
        }
        double rho = problem.teacherSecondMoment();
        double[] thetaStar = new double[d];
        g.fill(thetaStar);
        double sqrtRho = Math.sqrt(rho);
        for (int i = 0; i < d; i++) {
            thetaStar[i] *= sqrtRho;
        }
        double[] eps = new double[n];
        g.fill(eps);
        double[] y = new double[n];
        double sigma = problem.labelNoise();
        for (int mu = 0; mu < n; mu++) {
            double field = Kernels.doubles().dot(x, mu * d, thetaStar, 0, d);
            y[mu] = problem.loss().label(field, sigma * eps[mu]);
        }
        double[] theta0 = new double[d];
        g.fill(theta0);
        double along = problem.initialOverlap() / rho;
        double across = Math.sqrt(Math.max(0, problem.initialSecondMoment() - problem.initialOverlap() * along));
        for (int i = 0; i < d; i++) {
            theta0[i] = along * thetaStar[i] + across * theta0[i];
        }
        return new ErmInstance(n, d, x, omega, thetaStar, y, theta0);
    }
}
