package org.optdyn.theory.pde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

/** The gradient-flow closed form of diagonal-networks.md §3: check N4, N10, and an ODE solver on {@code (u, v)}. */
class GradientFlowTest {

    /** {@code du/dtau = -k (uv - beta) v}, {@code dv/dtau = -k (uv - beta) u}: the drift of §2 with {@code tau = gamma t}. */
    private static double odeTheta(double k, double beta, double u0, double v0, double tau) {
        if (tau == 0) {
            return u0 * v0;
        }
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 2;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double r = k * (y[0] * y[1] - beta);
                return new double[] {-r * y[1], -r * y[0]};
            }
        };
        var integrator = new DormandPrince853Integrator(0.0, tau, 1e-14, 1e-14);
        double[] y = integrator.integrate(ode, new ODEState(0, new double[] {u0, v0}), tau).getPrimaryState();
        return y[0] * y[1];
    }

    @Test
    void n4ValuesToOneInAMillion() {
        double[] tau = {0.5, 1, 2, 5};
        double[] neg = {-0.601294, -0.900569, -0.996239, -0.9999998};
        double[] pos = {0.227977, 0.428392, 0.737850, 0.988566};
        for (int i = 0; i < tau.length; i++) {
            // the spec prints 6 decimals (7 for the last negative value): half a unit of the last digit, within 1e-6
            assertThat(GradientFlow.theta(1.5, -1, 1, tau[i])).as("k=1.5 tau=" + tau[i]).isCloseTo(neg[i], within(1e-6));
            assertThat(GradientFlow.theta(0.5, 1, 1, tau[i])).as("k=0.5 tau=" + tau[i]).isCloseTo(pos[i], within(1e-6));
        }
    }

    @Test
    void closedFormMatchesAnOdeSolverOnUvToOneInTenBillion() {
        // (u0, v0) -> c = u0^2 - v0^2, theta0 = u0 v0; N4's start (1, 0) and others: c < 0, theta0 != 0, either sign
        double[][] starts = {{1, 0}, {0.3, 0.8}, {1.2, -0.4}, {-0.5, 1.1}, {0.05, 2}};
        double[][] classes = {{1.5, -1}, {0.5, 1}, {1, 0}, {2, 0.3}};
        for (double[] s : starts) {
            for (double[] cl : classes) {
                double c = s[0] * s[0] - s[1] * s[1];
                for (double tau : new double[] {0, 0.5, 1, 2, 5}) {
                    double ode = odeTheta(cl[0], cl[1], s[0], s[1], tau);
                    assertThat(GradientFlow.theta(cl[0], cl[1], c, s[0] * s[1], tau))
                            .as("k=%s beta=%s start=(%s,%s) tau=%s", cl[0], cl[1], s[0], s[1], tau)
                            .isCloseTo(ode, within(1e-10));
                }
            }
        }
    }

    @Test
    void balancedStartIsAlgebraicN10AndLogisticOnSupport() {
        // N10: c = 0, beta = 0, theta0 = 0.5, k = 1: theta(10) = 0.5/11
        assertThat(GradientFlow.theta(1, 0, 0, 0.5, 10)).isCloseTo(0.5 / 11, within(1e-15));
        // u = v = sqrt(theta0) keeps c = 0; the ODE agrees for beta of either sign
        for (double beta : new double[] {0, 0.7, -0.7}) {
            for (double tau : new double[] {0.5, 2, 6}) {
                double u0 = Math.sqrt(0.5);
                assertThat(GradientFlow.theta(1.3, beta, 0, 0.5, tau)).as("beta=%s tau=%s", beta, tau)
                        .isCloseTo(odeTheta(1.3, beta, u0, u0, tau), within(1e-10));
            }
        }
        assertThat(GradientFlow.theta(1, 1, 0, 0, 3)).isZero();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> GradientFlow.theta(0, 1, 1, 1)).hasMessageContaining("k must");
        assertThatThrownBy(() -> GradientFlow.theta(1, 1, 1, -1)).hasMessageContaining("tau must");
        assertThatThrownBy(() -> GradientFlow.theta(1, Double.NaN, 1, 1)).hasMessageContaining("finite");
    }
}
