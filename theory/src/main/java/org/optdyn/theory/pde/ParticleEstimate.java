package org.optdyn.theory.pde;

import java.util.Arrays;
import java.util.Objects;
import org.optdyn.engine.dln.DlnTrajectory;

/**
 * A particle solution with its error estimate (diagonal-networks.md §4 and §8 step 4), per observable and recorded
 * time:
 * <pre>
 *   error = 3 |x(seed 0) - x(seed 1)| + 2 |x(dt) - x(dt/2)|
 * </pre>
 * The first term is the spec's Monte-Carlo estimate: two independent particle runs differ by a centred amount of sd
 * {@code sqrt 2 s} (s the single-run sd), so {@code 3|difference|} exceeds {@code 2 s} unless
 * {@code |N(0,1)| < 0.47} (probability 0.36) and exceeds {@code s} unless {@code |N(0,1)| < 0.24} (0.19): an
 * order-of-magnitude estimate, not a confidence bound. The second term is the time-step bias of the {@code dt} run:
 * the weak error of Euler–Maruyama is {@code C dt + O(dt^2)}, so {@code x(dt) - x(dt/2) = C dt/2} and the bias of the
 * {@code dt} run is twice the measured difference (Richardson). The {@code dt/2} run shares the Brownian path of the
 * {@code dt} run (bridge), so the measured difference carries almost no Monte-Carlo noise of its own.
 *
 * @param value                  the particle solution at seed 0 and step {@code dt}
 * @param error                  the error estimate above, for each observable
 * @param seedSpread             {@code |x(seed 0) - x(seed 1)|}
 * @param stepBias               {@code 2 |x(dt) - x(dt/2)|}
 * @param extrapolated           the Richardson value {@code 2 x(dt/2) - x(dt)} (first-order bias removed)
 * @param integratedRiskError    the same error estimate for the integrated risk {@code I(t)}
 */
public record ParticleEstimate(ParticleSolution value, DlnTrajectory error, DlnTrajectory seedSpread,
                               DlnTrajectory stepBias, DlnTrajectory extrapolated, double[] integratedRiskError) {

    public ParticleEstimate {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(seedSpread, "seedSpread");
        Objects.requireNonNull(stepBias, "stepBias");
        Objects.requireNonNull(extrapolated, "extrapolated");
        integratedRiskError = Objects.requireNonNull(integratedRiskError, "integratedRiskError").clone();
    }

    /** @return the particle trajectory ({@code value().trajectory()}) */
    public DlnTrajectory trajectory() {
        return value.trajectory();
    }

    @Override
    public double[] integratedRiskError() {
        return integratedRiskError.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParticleEstimate e && value.equals(e.value) && error.equals(e.error)
                && seedSpread.equals(e.seedSpread) && stepBias.equals(e.stepBias) && extrapolated.equals(e.extrapolated)
                && Arrays.equals(integratedRiskError, e.integratedRiskError);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, error, seedSpread, stepBias, extrapolated, Arrays.hashCode(integratedRiskError));
    }
}
