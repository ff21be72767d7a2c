package org.optdyn.theory.pde;

/**
 * The gradient-flow limit of one coordinate (diagonal-networks.md §3, check N4): with {@code tau = gamma t} and
 * {@code gamma -> 0} the noise disappears, the imbalance {@code c = u^2 - v^2} is conserved and {@code theta = u v}
 * follows
 * <pre>
 *   d theta / d tau = -k (theta - beta) sqrt(c^2 + 4 theta^2).
 * </pre>
 * <b>{@code c != 0}</b> (only {@code |c|} enters; write {@code c} for it). With {@code theta = (c/2) sinh phi},
 * {@code z = e^phi} the equation becomes the Riccati equation {@code dz/dtau = -(k c / 2)(z - z+)(z - z-)}, whose roots
 * and solution are
 * <pre>
 *   z+- = 2 beta / c +- D,   D = sqrt(4 beta^2 + c^2) / c,
 *   E(tau) = ((z0 - z+) / (z0 - z-)) exp(-k sqrt(4 beta^2 + c^2) tau),   z0 = exp(asinh(2 theta0 / c)),
 *   z(tau) = (z+ - z- E) / (1 - E),   theta(tau) = (c/4)(z - 1/z);
 * </pre>
 * for {@code theta0 = 0} ({@code z0 = 1}) this is the formula of §3. Exponential approach to {@code beta} at rate
 * {@code k sqrt(4 beta^2 + c^2)}. ({@code z- < 0 < z0}, so {@code z0 - z- > 0} and {@code E != 1}.)
 * <b>{@code c = 0}</b> (balanced: {@code theta} keeps the sign {@code s} of {@code theta0}) the equation is logistic,
 * {@code d theta / d tau = -2 k s theta (theta - beta)}:
 * <pre>
 *   beta != 0:  theta(tau) = beta / (1 + (beta / theta0 - 1) exp(-2 k s beta tau)),
 *   beta  = 0:  theta(tau) = theta0 / (1 + 2 k |theta0| tau)          (algebraic, not exponential; check N10)
 * </pre>
 * Cost O(1) per evaluation.
 */
public final class GradientFlow {

    private GradientFlow() {
    }

    /** @return {@code theta(tau)} from {@code theta(0) = 0} with imbalance {@code c} (the formula of §3) */
    public static double theta(double k, double beta, double c, double tau) {
        return theta(k, beta, c, 0, tau);
    }

    /**
     * @param k      the class's {@code k > 0}
     * @param beta   the target coordinate
     * @param c      the conserved imbalance {@code u^2 - v^2}
     * @param theta0 {@code theta(0)}
     * @param tau    gradient-flow time {@code tau = gamma t >= 0}
     * @return {@code theta(tau)}
     */
    public static double theta(double k, double beta, double c, double theta0, double tau) {
        if (!(k > 0) || !Double.isFinite(k)) {
            throw new IllegalArgumentException("k must be finite and > 0, got " + k);
        }
        if (!Double.isFinite(beta) || !Double.isFinite(c) || !Double.isFinite(theta0)) {
            throw new IllegalArgumentException("beta, c and theta0 must be finite, got " + beta + ", " + c + ", "
                    + theta0);
        }
        if (!(tau >= 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and >= 0, got " + tau);
        }
        if (c != 0) {
            double cc = Math.abs(c);
            double root = Math.sqrt(4 * beta * beta + cc * cc);
            double dd = root / cc;
            double zp = 2 * beta / cc + dd;
            double zm = 2 * beta / cc - dd;
            double phi0 = asinh(2 * theta0 / cc);
            double z0 = Math.exp(phi0);
            double e = (z0 - zp) / (z0 - zm) * Math.exp(-k * root * tau);
            double z = (zp - zm * e) / (1 - e);
            return cc / 4 * (z - 1 / z);
        }
        if (theta0 == 0) {
            return 0;
        }
        if (beta == 0) {
            return theta0 / (1 + 2 * k * Math.abs(theta0) * tau);
        }
        double s = Math.signum(theta0);
        return beta / (1 + (beta / theta0 - 1) * Math.exp(-2 * k * s * beta * tau));
    }

    private static double asinh(double x) {
        double ax = Math.abs(x);
        double r = Math.log1p(ax + ax * ax / (1 + Math.sqrt(1 + ax * ax)));
        return Math.copySign(r, x);
    }
}
