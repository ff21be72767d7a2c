package org.optdyn.theory.pde;

import java.util.Arrays;
import java.util.Objects;
import org.optdyn.engine.dln.DlnInstance;
import org.optdyn.engine.dln.DlnTrajectory;

/**
 * One run of the particle (or finite-{@code d} SDE) scheme, recorded at its grid times.
 *
 * @param trajectory     the observables ({@code t = n dt})
 * @param integratedRisk {@code I(t) = int_0^t R ds} at the recorded times (left Riemann sum {@code sum R dt}, the
 *                       sum the imbalance formula {@code c(t) = c(0) exp(-2 gamma^2 k I(t))} of §2 is exact for in the
 *                       limit {@code dt -> 0})
 * @param riskBalance    the right-hand side of the risk balance of diagonal-networks.md §3, {@code -gamma E[k^2 S
 *                       delta^2] + gamma^2 R E[k^2 (S^2 + 2 theta delta)]}, evaluated on the particles at the
 *                       recorded times: the drift of the risk
 * @param riskNoiseRate  the rate {@code d<R>/dt = (1/M^2) sum_j 2 gamma^2 R k_j^3 delta_j^2 S_j^2} of the quadratic
 *                       variation of the particle risk at the recorded times: over a short interval {@code h} the
 *                       risk increment differs from {@code h * riskBalance} by a centred noise of variance about
 *                       {@code h * riskNoiseRate}
 * @param state          the particles {@code (k, beta, a, b)} at the last recorded time (as an instance: {@code u0 =
 *                       a}, {@code v0 = b})
 */
public record ParticleSolution(DlnTrajectory trajectory, double[] integratedRisk, double[] riskBalance,
                               double[] riskNoiseRate, DlnInstance state) {

    public ParticleSolution {
        Objects.requireNonNull(trajectory, "trajectory");
        Objects.requireNonNull(state, "state");
        int n = trajectory.size();
        for (double[] x : new double[][] {integratedRisk, riskBalance, riskNoiseRate}) {
            if (Objects.requireNonNull(x, "series").length != n) {
                throw new IllegalArgumentException("every series needs " + n + " values, got " + x.length);
            }
        }
        integratedRisk = integratedRisk.clone();
        riskBalance = riskBalance.clone();
        riskNoiseRate = riskNoiseRate.clone();
    }

    @Override
    public double[] integratedRisk() {
        return integratedRisk.clone();
    }

    @Override
    public double[] riskBalance() {
        return riskBalance.clone();
    }

    @Override
    public double[] riskNoiseRate() {
        return riskNoiseRate.clone();
    }

    /** @return the recorded times */
    public double[] times() {
        return trajectory.times();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParticleSolution p && trajectory.equals(p.trajectory)
                && Arrays.equals(integratedRisk, p.integratedRisk) && Arrays.equals(riskBalance, p.riskBalance)
                && Arrays.equals(riskNoiseRate, p.riskNoiseRate) && state.equals(p.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trajectory, Arrays.hashCode(integratedRisk), Arrays.hashCode(riskBalance),
                Arrays.hashCode(riskNoiseRate), state);
    }

    @Override
    public String toString() {
        return "ParticleSolution[" + trajectory + ", " + state.dimension() + " particles]";
    }
}
