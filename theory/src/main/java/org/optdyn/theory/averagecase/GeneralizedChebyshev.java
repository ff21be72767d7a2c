package org.optdyn.theory.averagecase;

import org.optdyn.engine.quadratic.IterationSchedule;

/**
 * The Generalized Chebyshev Method GCM(alpha, beta) on {@code [l, L]} of [CGPSP22] (section 2.8): residual
 * polynomials {@code P_t(lambda) = P_t^{(alpha,beta)}(x(lambda)) / P_t^{(alpha,beta)}(x_0)} with
 * {@code x(lambda) = (2 lambda - L - l)/(L - l)}, {@code x_0 = -(L + l)/(L - l)}, i.e. the residual orthogonal
 * polynomials of the weight {@code (L - lambda)^alpha (lambda - l)^beta}. <b>alpha is the right-edge exponent, beta
 * the left-edge exponent</b> (convention 10.5).
 *
 * <p>Coefficients of form (M) from the Jacobi recurrence {@code P_{k+1} = (A_k x + B_k) P_k - C_k P_{k-1}}, kept in
 * ratio form to avoid overflow: {@code rho_{-1} = 0}, {@code rho_k = 1/((A_k x_0 + B_k) - C_k rho_{k-1})},
 * {@code h_k = -2 A_k rho_k/(L - l)}, {@code m_k = C_k rho_{k-1} rho_k}.
 *
 * @param alpha right-edge exponent, {@code > -1}
 * @param beta  left-edge exponent, {@code > -1}
 * @param lower {@code l >= 0}
 * @param upper {@code L > l}
 */
public record GeneralizedChebyshev(double alpha, double beta, double lower, double upper) implements PolynomialMethod {

    public GeneralizedChebyshev {
        if (!(alpha > -1.0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and > -1, got " + alpha);
        }
        if (!(beta > -1.0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and > -1, got " + beta);
        }
        PolynomialMethod.checkInterval(lower, upper);
    }

    /**
     * The GCM that is optimal for the metric {@code l} on {@code Beta_{xi,tau}[0, L]}: {@code alpha = tau},
     * {@code beta = xi + l + 1} (section 2.8; API requirement of convention 10.5).
     *
     * @param xi     left-edge exponent of the ESD
     * @param tau    right-edge exponent of the ESD
     * @param metric {@code l in {0, 1, 2}}
     * @param upper  {@code L}
     */
    public static GeneralizedChebyshev optimalFor(double xi, double tau, int metric, double upper) {
        if (metric < 0 || metric > 2) {
            throw new IllegalArgumentException("metric must be 0, 1 or 2, got " + metric);
        }
        return new GeneralizedChebyshev(tau, xi + metric + 1.0, 0.0, upper);
    }

    @Override
    public String name() {
        return "GCM(" + (float) alpha + "," + (float) beta + ")";
    }

    @Override
    public IterationSchedule schedule(int steps) {
        PolynomialMethod.checkSteps(steps);
        double[] h = new double[steps];
        double[] m = new double[steps];
        double x0 = -(upper + lower) / (upper - lower);
        double ab = alpha + beta;
        double rhoPrev = 0.0;
        for (int k = 0; k < steps; k++) {
            double a;
            double b;
            double c;
            if (k == 0) {
                a = (ab + 2.0) / 2.0;
                b = (alpha - beta) / 2.0;
                c = 0.0;
            } else {
                double s = 2.0 * k + ab;
                double den = 2.0 * (k + 1.0) * (k + ab + 1.0);
                a = (s + 1.0) * (s + 2.0) / den;
                b = (alpha * alpha - beta * beta) * (s + 1.0) / (den * s);
                c = (k + alpha) * (k + beta) * (s + 2.0) / ((k + 1.0) * (k + ab + 1.0) * s);
            }
            double rho = 1.0 / ((a * x0 + b) - c * rhoPrev);
            h[k] = -2.0 * a * rho / (upper - lower);
            m[k] = c * rhoPrev * rho;
            rhoPrev = rho;
        }
        return new IterationSchedule.Momentum(h, m);
    }
}
