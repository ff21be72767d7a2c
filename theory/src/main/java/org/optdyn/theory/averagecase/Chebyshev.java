package org.optdyn.theory.averagecase;

import org.optdyn.engine.quadratic.IterationSchedule;

/**
 * Chebyshev semi-iterative methods on {@code [l, L]} (sections 2.5 and 2.7), in the overflow-free ratio form:
 * {@code sigma_0 = (L + l)/(L - l)}, {@code h_0 = 2/(L + l)}, {@code m_0 = 0}, and for {@code t >= 1}
 * <pre>
 *   h_t = 4 / ((L - l)(2 sigma_0 - q_t)),   m_t = q_t / (2 sigma_0 - q_t),   q_{t+1} = 1 / (2 sigma_0 - q_t)
 * </pre>
 * with {@code q_1 = 1/sigma_0} for the first kind ({@code P_t = T_t(sigma(lambda))/T_t(sigma_0)}, minimax on
 * {@code [l, L]}) and {@code q_1 = 1/(2 sigma_0)} for the second kind ({@code P_t = U_t(sigma(lambda))/U_t(sigma_0)},
 * "U-Chebyshev", average-case optimal for Marchenko–Pastur and equal to GCM(1/2, 1/2)).
 *
 * @param lower {@code l >= 0} (for the first kind {@code l > 0})
 * @param upper {@code L > l}
 * @param kind  first or second kind
 */
public record Chebyshev(double lower, double upper, Kind kind) implements PolynomialMethod {

    /** Chebyshev polynomials of the first ({@code T}) or second ({@code U}) kind. */
    public enum Kind { FIRST, SECOND }

    public Chebyshev {
        PolynomialMethod.checkInterval(lower, upper);
        java.util.Objects.requireNonNull(kind, "kind");
        if (kind == Kind.FIRST && lower == 0.0) {
            throw new IllegalArgumentException("lower must be > 0 for the first-kind Chebyshev method, got 0");
        }
    }

    /** @return the minimax (first-kind) method on {@code [lower, upper]}. */
    public static Chebyshev firstKind(double lower, double upper) {
        return new Chebyshev(lower, upper, Kind.FIRST);
    }

    /** @return U-Chebyshev on {@code [lower, upper]}. */
    public static Chebyshev secondKind(double lower, double upper) {
        return new Chebyshev(lower, upper, Kind.SECOND);
    }

    @Override
    public String name() {
        return (kind == Kind.FIRST ? "Chebyshev" : "U-Chebyshev") + " [" + (float) lower + ", " + (float) upper + "]";
    }

    /** @return {@code max_{[l,L]} |P_t| = 1/T_t(sigma_0) = 2 rho^t/(1 + rho^{2t})} for the first kind. */
    public double maxResidual(int t) {
        double sk = Math.sqrt(upper / lower);
        double rho = (sk - 1.0) / (sk + 1.0);
        double rt = Math.pow(rho, t);
        return 2.0 * rt / (1.0 + rt * rt);
    }

    @Override
    public IterationSchedule schedule(int steps) {
        PolynomialMethod.checkSteps(steps);
        double[] h = new double[steps];
        double[] m = new double[steps];
        double sigma0 = (upper + lower) / (upper - lower);
        double width = upper - lower;
        double q = kind == Kind.FIRST ? 1.0 / sigma0 : 1.0 / (2.0 * sigma0);
        for (int t = 0; t < steps; t++) {
            if (t == 0) {
                h[0] = 2.0 / (upper + lower);
                continue;
            }
            double den = 2.0 * sigma0 - q;
            h[t] = 4.0 / (width * den);
            m[t] = q / den;
            q = 1.0 / den;
        }
        return new IterationSchedule.Momentum(h, m);
    }
}
