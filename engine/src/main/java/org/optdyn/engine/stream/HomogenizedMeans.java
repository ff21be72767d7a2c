package org.optdyn.engine.stream;

import java.util.Objects;

/**
 * The exact finite-d mean of the least-squares risk along {@link HomogenizedSgd}'s Euler–Maruyama chain, the
 * homogenized counterpart of the SGD recursion of sgd-ode.md §3.4 (<b>derived here</b>, in the spirit of §3.4).
 *
 * <p><b>Derivation.</b> Least squares, eigen-coordinates, residual {@code e_i = xi_i - xi*_i}. With
 * {@code H_1 = -H_2 = 1/2} the drift is {@code -gamma lambda_i e_i}, so one step of size {@code h} with rate
 * {@code gamma_j} (a constant or a schedule, not depending on the path) and batch size {@code b} is
 * <pre>
 *   e_i <- (1 - gamma_j h lambda_i) e_i + gamma_j sqrt(I_j h / (d b)) sqrt(lambda_i) z_i,
 *   I_j = sum_l lambda_l e_l^2 + omega^2,
 * </pre>
 * with {@code z} independent of the past. Squaring and taking expectations (the cross term has mean 0, and
 * {@code E I_j = sum_l lambda_l m_l + omega^2} is linear in {@code m_l = E e_l^2}) gives the exact, linear recursion
 * <pre>
 *   m_i <- (1 - gamma_j h lambda_i)^2 m_i + (gamma_j^2 h lambda_i / (d b)) (sum_l lambda_l m_l + omega^2),
 *   E R(X_j) = (sum_i lambda_i m_i + omega^2) / 2.
 * </pre>
 * For {@code h = 1/d} the contraction factor is {@code 1 - 2 gamma lambda_i/d + gamma^2 lambda_i^2/d^2}: SGD's
 * (§3.4) has {@code 2 gamma^2 lambda_i^2/d^2}, the extra {@code gamma^2 lambda_i^2 m_i/d^2} being the mean of the
 * rank-one term {@code K e e^T K} of SGD's gradient covariance that homogenization drops (§6). For {@code K = I},
 * {@code omega = 0}: {@code E|e_k|^2 = q^k D^2(0)} with {@code q = 1 - 2 gamma/d + gamma^2 (d+1)/d^2}, so
 * {@code d ln q = -(2 gamma - gamma^2) + (gamma^2 - (2 gamma - gamma^2)^2/2)/d + O(d^-2)} and the bias against the
 * ODE is {@code E R - R(t) ~ (gamma^2 - (2 gamma - gamma^2)^2/2) t R(t)/d}: {@code 0.5 t R/d} at {@code gamma = 1},
 * a third of SGD's {@code 1.5 t R/d}. As {@code h -> 0} the recursion becomes
 * {@code m_i' = -2 gamma lambda_i m_i + gamma^2 lambda_i (sum lambda m + omega^2)/(d b)}, which for {@code b = 1} is
 * the ODE of §3.1 with one group per coordinate: the continuous-time SDE has exactly the ODE's mean for least
 * squares, and the whole {@code O(1/d)} bias at {@code h = 1/d} is the Euler–Maruyama discretization's.
 *
 * <p>The recursion is linear, so averaging over a random {@code X*} replaces {@code m^(0)} by its mean; it holds for
 * a rotated {@code K} in its eigen-coordinates. Cost {@code O(d)} per step.
 */
public final class HomogenizedMeans {

    private HomogenizedMeans() {
    }

    /**
     * @param spec              a least-squares problem with a constant or scheduled rate (its initial condition is not
     *                          used)
     * @param initialResiduals  {@code m_i^(0) = E <X_0 - X*, phi_i>^2} in the covariance's eigen-order, length
     *                          {@code d}, finite and {@code >= 0} (read)
     * @param step              the Euler–Maruyama step, as for {@link HomogenizedSgd#runMany}
     * @return {@code E R(X)} at each grid step of {@code spec}
     */
    public static double[] expectedLeastSquaresRisk(SimulationSpec spec, double[] initialResiduals, double step) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(initialResiduals, "initialResiduals");
        if (!(spec.model() instanceof LabelModel.LeastSquares ls)) {
            throw new IllegalArgumentException("model must be least squares for the exact means, got "
                    + spec.model());
        }
        if (!(spec.learningRate() instanceof LearningRateRule.Constant
                || spec.learningRate() instanceof LearningRateRule.Schedule)) {
            throw new IllegalArgumentException("learningRate must be constant or a schedule for the exact (linear) "
                    + "means, got " + spec.learningRate());
        }
        int d = spec.covariance().dimension();
        if (initialResiduals.length != d) {
            throw new IllegalArgumentException("initialResiduals.length = " + initialResiduals.length + " but d = "
                    + d);
        }
        for (int i = 0; i < d; i++) {
            if (!(initialResiduals[i] >= 0) || !Double.isFinite(initialResiduals[i])) {
                throw new IllegalArgumentException("initialResiduals[" + i + "] must be finite and >= 0, got "
                        + initialResiduals[i]);
            }
        }
        var stepping = HomogenizedSgd.Stepping.of(spec, step);
        double h = stepping.h();
        double w2 = ls.noiseSd() * ls.noiseSd();
        double noiseFactor = h / ((double) d * spec.batchSize());
        double[] lambda = spec.covariance().eigenvalues();
        long[] grid = spec.grid().steps();
        double[] m = initialResiduals.clone();
        double[] out = new double[grid.length];
        int gi = 0;
        for (long j = 0; ; j++) {
            double s = w2;
            for (int i = 0; i < d; i++) {
                s += lambda[i] * m[i];
            }
            if (j == stepping.sdeIndex(grid[gi])) {
                out[gi++] = 0.5 * s;
                if (gi == grid.length) {
                    return out;
                }
            }
            double gamma = switch (spec.learningRate()) {
                case LearningRateRule.Constant c -> c.gamma();
                case LearningRateRule.Schedule sc -> sc.gamma().applyAsDouble(j * h);
                default -> throw new AssertionError();
            };
            for (int i = 0; i < d; i++) {
                double c = 1 - gamma * h * lambda[i];
                m[i] = c * c * m[i] + gamma * gamma * lambda[i] * noiseFactor * s;
            }
        }
    }
}
