package org.optdyn.verification.sgdode;

import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * Closed-form limits of sgd-ode.md used as references by the experiments (the ODE is checked against them).
 */
final class ClosedForms {

    private ClosedForms() {
    }

    /**
     * AdaGrad-Norm's limiting learning rate on noiseless least squares, from the conservation law of sgd-ode.md
     * §4.4 (derived there): {@code s = eta/gamma_inf} is the unique root {@code s > max(b, eta lambdaBar/2)} of
     * {@code (D^2(0) - D_perp^2)/2 + eta^2 ln(s/b) - (2 eta/lambdaBar)(s - b) = 0}; found by Brent's method
     * (Hipparchus) on a bracket where the function changes sign (it increases up to {@code eta lambdaBar/2} and
     * decreases after).
     *
     * @param movable {@code D^2(0) - D_perp^2}, the part of the initial residual outside {@code ker K}
     */
    static double adaGradLimit(double eta, double b, double lambdaBar, double movable) {
        double lo = Math.max(b, eta * lambdaBar / 2);
        double hi = 2 * lo;
        while (f(hi, eta, b, lambdaBar, movable) > 0) {
            hi *= 2;
        }
        double s = new BrentSolver(1e-15, 1e-15, 1e-300).solve(200,
                x -> f(x, eta, b, lambdaBar, movable), lo, hi);
        return eta / s;
    }

    private static double f(double s, double eta, double b, double lambdaBar, double movable) {
        return 0.5 * movable + eta * eta * Math.log(s / b) - 2 * eta / lambdaBar * (s - b);
    }

    /**
     * The two-eigenvalue exact-line-search limit of [HL] Prop. F.1 (sgd-ode.md §5.1): for {@code l1 > l2 > 0},
     * each with multiplicity d/2, noiseless least squares,
     * {@code gamma_inf = (l1^3 + 2 l1^2 l2 + 2 l1 l2^2 + l2^3 - sqrt(Delta)) / (l1^2 + l2^2)^2}.
     */
    static double lineSearchTwoEigenvalueLimit(double l1, double l2) {
        double delta = Math.pow(l1, 6) - 4 * Math.pow(l1, 5) * l2 + 8 * Math.pow(l1, 4) * l2 * l2
                - 6 * Math.pow(l1, 3) * Math.pow(l2, 3) + 8 * l1 * l1 * Math.pow(l2, 4) - 4 * l1 * Math.pow(l2, 5)
                + Math.pow(l2, 6);
        double num = Math.pow(l1, 3) + 2 * l1 * l1 * l2 + 2 * l1 * l2 * l2 + Math.pow(l2, 3) - Math.sqrt(delta);
        double den = (l1 * l1 + l2 * l2) * (l1 * l1 + l2 * l2);
        return num / den;
    }

    /** The stability threshold of a constant rate, {@code 2/lambdaBar} (sgd-ode.md §3.3, [HL] after eq. (7)). */
    static double stabilityThreshold(double lambdaBar) {
        return 2 / lambdaBar;
    }
}
