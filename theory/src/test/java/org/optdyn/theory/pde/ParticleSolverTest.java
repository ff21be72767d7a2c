package org.optdyn.theory.pde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.dln.DlnInstance;
import org.optdyn.engine.dln.DlnObservables;
import org.optdyn.engine.dln.DlnProblem;
import org.optdyn.engine.dln.DlnTrajectory;
import org.optdyn.engine.dln.Parametrisation;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.stream.TimeGrid;

/**
 * The particle solver of diagonal-networks.md §4 against the spec's checks N2, N3, N7 and N8 (§9).
 *
 * <p>Tolerances. A value of ours is compared with a value of the spec by {@code |ours - spec| <= eps_ours + eps_spec
 * + h}, where {@code eps_ours} is the error estimate the solver reports ({@link ParticleEstimate}: three times the
 * spread of two particle seeds plus twice the {@code dt -> dt/2} change, the Richardson estimate of the O(dt) bias),
 * {@code eps_spec} is the uncertainty the spec states for its own number (§8 step 4's practical particle errors
 * {@code 3e-4} for R, {@code 2e-3} for kappa and l, {@code 5e-4} for the imbalance, or the SGD sd it quotes), and
 * {@code h} is half a unit of the last printed digit. Each side's error bound is an order-of-magnitude estimate (three
 * times a spread of sd {@code sqrt 2 s} falls below the sd {@code s} with probability 0.19), so the sum is what the
 * test can defend; the seeds are fixed, so the suite is deterministic.
 */
class ParticleSolverTest {

    private static final long SEED = 12;

    /** N2's setting: N1 at d = 4000 replicated 50 times (M = 2e5), sigma = 0.3, gamma = 0.5, dt = 0.002. */
    private static final class N2 {
        /** 0.25, 0.5, 0.75, then every 0.05 from 1 to 2 (for the integrated balance of N3). */
        static final double[] TIMES = times();
        static final DlnProblem PROBLEM = ParticleSolver.replicate(DlnProblem.n1(4000, 0.5, 0.3, TimeGrid.of(TIMES)),
                50);
        static final ParticleEstimate ESTIMATE = ParticleSolver.defaults().estimate(PROBLEM, SEED).orElseThrow();

        private static double[] times() {
            double[] t = new double[3 + 21];
            for (int i = 0; i < 3; i++) {
                t[i] = 0.25 * (i + 1);
            }
            for (int i = 0; i <= 20; i++) {
                t[3 + i] = 1 + 0.05 * i;
            }
            return t;
        }

        static int at(double t) {
            double[] times = ESTIMATE.trajectory().times();
            for (int i = 0; i < times.length; i++) {
                if (Math.abs(times[i] - t) < 1e-9) {
                    return i;
                }
            }
            throw new AssertionError("no record at t = " + t);
        }
    }

    private static void assertWithin(String what, double ours, double oursError, double spec, double specError,
                                     double lastDigit) {
        double tol = oursError + specError + lastDigit / 2;
        assertThat(ours).as("%s: ours %s (error %s) vs spec %s (error %s)", what, ours, oursError, spec, specError)
                .isCloseTo(spec, within(tol));
    }

    @Test
    void n2ParticleColumnAtOneAndTwo() {
        var e = N2.ESTIMATE;
        DlnTrajectory x = e.trajectory();
        DlnTrajectory err = e.error();
        double[][] spec = {
            // t, R, kappa, c, l, I
            {1, 0.09398, 1.0878, 0.94429, 0.1945, 0.11531},
            {2, 0.07653, 1.1220, 0.90630, 0.2440, 0.19902}};
        for (double[] row : spec) {
            int i = N2.at(row[0]);
            String t = "t = " + row[0] + " ";
            assertWithin(t + "R", x.risk()[i], err.risk()[i], row[1], 3e-4, 1e-5);
            assertWithin(t + "kappa", x.curvature()[i], err.curvature()[i], row[2], 2e-3, 1e-4);
            assertWithin(t + "imbalance", x.imbalance()[i], err.imbalance()[i], row[3], 5e-4, 1e-5);
            assertWithin(t + "l1", x.l1()[i], err.l1()[i], row[4], 2e-3, 1e-4);
            // I = int R: the spec's R error 3e-4 integrates to at most 3e-4 t
            assertWithin(t + "I", e.value().integratedRisk()[i], e.integratedRiskError()[i], row[5], 3e-4 * row[0],
                    1e-5);
        }
        // the larger ensembles of N2: R(1) = 0.0940 +- 0.0002, R(2) = 0.0765 +- 0.0002
        assertWithin("R(1) ensemble", x.risk()[N2.at(1)], err.risk()[N2.at(1)], 0.0940, 2e-4, 1e-4);
        assertWithin("R(2) ensemble", x.risk()[N2.at(2)], err.risk()[N2.at(2)], 0.0765, 2e-4, 1e-4);
    }

    /**
     * N3: the risk balance {@code dR/dt = -gamma E[k^2 S delta^2] + gamma^2 R E[k^2 (S^2 + 2 theta delta)]}. Three
     * checks: its value at t = 2 against the spec's -0.0104; the spec's finite difference over [1.95, 2] (-0.0106)
     * against ours; and the identity itself, {@code R(2) - R(1) = int_1^2 balance dt}, on our particles. The last has
     * three error sources: the particle noise of the increment, a centred normal of variance {@code int_1^2 riskNoiseRate}
     * (4 sd: two-sided false-failure 6e-5); the O(dt) bias of the increment (its error estimate, the stepBias of R at
     * t = 1 and 2); and the quadrature of the balance, here the composite trapezoid rule on the 0.05-spaced records
     * from 1.75 to 2 and 0.25 below, bounded by the difference to Simpson's rule on the same points.
     */
    @Test
    void n3RiskBalanceIdentity() {
        var e = N2.ESTIMATE;
        double[] bal = e.value().riskBalance();
        double[] r = e.trajectory().risk();
        double[] t = e.trajectory().times();
        int i2 = N2.at(2);
        int i195 = N2.at(1.95);
        int i1 = N2.at(1);
        // balance at t = 2: its particle error is that of an average like R's; use the spread of R's error relative to R
        double relErr = e.error().risk()[i2] / r[i2];
        assertWithin("balance at 2", bal[i2], Math.abs(bal[i2]) * relErr, -0.0104, 0, 1e-4);
        // finite difference over [1.95, 2]: the increment's noise has sd sqrt(0.05 * noiseRate); the spec's value has
        // the same noise (it is a particle run of the same size), so 4 sqrt 2 sd over 0.05 covers the difference
        double fd = (r[i2] - r[i195]) / 0.05;
        double fdSd = Math.sqrt(0.05 * e.value().riskNoiseRate()[i2]) / 0.05;
        assertWithin("finite difference", fd, 4 * Math.sqrt(2) * fdSd, -0.0106, 0, 1e-4);
        // the identity on our particles, integrated from 1 to 2
        double trapezoid = 0;
        for (int i = i1; i < i2; i++) {
            trapezoid += (t[i + 1] - t[i]) * (bal[i] + bal[i + 1]) / 2;
        }
        double simpson = simpson(t, bal, i1, i2);
        double var = 0;
        for (int i = i1; i < i2; i++) {
            var += (t[i + 1] - t[i]) * (e.value().riskNoiseRate()[i] + e.value().riskNoiseRate()[i + 1]) / 2;
        }
        double tol = 4 * Math.sqrt(var) + e.stepBias().risk()[i1] + e.stepBias().risk()[i2]
                + Math.abs(trapezoid - simpson);
        assertThat(r[i2] - r[i1]).as("R(2) - R(1) vs int balance (tol %s)", tol).isCloseTo(trapezoid, within(tol));
    }

    /** Simpson's rule on records {@code from..to} (equally spaced, an even number of intervals). */
    private static double simpson(double[] t, double[] f, int from, int to) {
        int n = to - from;
        assertThat(n % 2).isZero();
        double h = (t[to] - t[from]) / n;
        double s = f[from] + f[to];
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 1 ? 4 : 2) * f[from + i];
        }
        return s * h / 3;
    }

    /**
     * N8: the imbalance against its closed form {@code mean_j c_j(0) exp(-2 gamma^2 k_j I)} with the particles' own
     * {@code I}. For the PDE the two are equal; the particle imbalance is within its error {@code eps_c} of the PDE's,
     * and the closed form moves by at most {@code |d/dI| eps_I = mean 2 gamma^2 k c(0) e^{...} eps_I} when {@code I}
     * is off by its error {@code eps_I}.
     */
    @Test
    void n8ImbalanceClosedForm() {
        var e = N2.ESTIMATE;
        double g2 = 0.5 * 0.5;
        double[] integral = e.value().integratedRisk();
        for (double t : new double[] {1, 2}) {
            int i = N2.at(t);
            // N1: c(0) = 1, half the coordinates k = 0.5, half 1.5
            double closed = (Math.exp(-2 * g2 * 0.5 * integral[i]) + Math.exp(-2 * g2 * 1.5 * integral[i])) / 2;
            double slope = (2 * g2 * 0.5 * Math.exp(-2 * g2 * 0.5 * integral[i])
                    + 2 * g2 * 1.5 * Math.exp(-2 * g2 * 1.5 * integral[i])) / 2;
            double tol = e.error().imbalance()[i] + slope * e.integratedRiskError()[i];
            assertThat(e.trajectory().imbalance()[i]).as("t = %s (tol %s)", t, tol).isCloseTo(closed, within(tol));
        }
    }

    /**
     * N7 at gamma = 2 (sigma = 0): the transient growth to the peak at t = 0.3, against the spec's corrected values
     * 0.1046, 0.1120, 0.1152 (an extrapolated grid solver and SGD agree; SGD sd 0.0002, 0.0003, 0.0004 taken as the
     * spec's uncertainty). Near the peak the particle risk fluctuates more than at gamma = 0.5 (the feedback through R
     * is close to critical; sd 4e-4 to 7e-4 across seeds at M = 2e5), so M = 1e6 here.
     */
    @Test
    void n7TransientGrowthAtGammaTwo() {
        var p = ParticleSolver.replicate(DlnProblem.n1(4000, 2, 0, TimeGrid.of(0.1, 0.2, 0.3)), 250);
        var e = ParticleSolver.defaults().estimate(p, SEED).orElseThrow();
        double[] r = e.trajectory().risk();
        double[] err = e.error().risk();
        double[] spec = {0.1, 0.1046, 0.1120, 0.1152};
        double[] sgdSd = {0, 2e-4, 3e-4, 4e-4};
        for (int i = 0; i < 4; i++) {
            assertWithin("R(" + e.trajectory().times()[i] + ")", r[i], err[i], spec[i], sgdSd[i], 1e-4);
        }
        assertThat(r).isSorted();
        // the bias the spec warns about (+1.3e-3 near the peak at dt = 0.002): ours is positive and of that order
        assertThat(e.stepBias().risk()[3]).isBetween(2e-4, 3e-3);
    }

    /** N7: gamma = 2 and 3 grow, peak and decay (R(1.1) = 0.0571 and 0.0719); gamma = 3.5 blows up at t in (0.1, 0.2]. */
    @Test
    void n7SelfStabilisationAndBlowUp() {
        var solver = ParticleSolver.defaults();
        var grid = TimeGrid.of(0.1, 0.2, 0.3, 1.1, 1.5);
        for (double[] c : new double[][] {{2, 0.0571}, {3, 0.0719}}) {
            var p = ParticleSolver.replicate(DlnProblem.n1(4000, c[0], 0, grid), 50);
            var e = solver.estimate(p, SEED);
            assertThat(e.completed()).as("gamma = %s completes to t = 1.5: %s", c[0], e).isTrue();
            double[] r = e.value().trajectory().risk();
            assertThat(r[3]).as("gamma = %s peaks", c[0]).isGreaterThan(r[0]);
            assertThat(r[4]).as("gamma = %s then decays", c[0]).isLessThan(r[3]).isLessThan(r[0]);
            assertWithin("gamma = " + c[0] + " R(1.1)", r[4], e.value().error().risk()[4], c[1], 3e-4, 1e-4);
        }
        var blowUp = solver.solve(ParticleSolver.replicate(DlnProblem.n1(4000, 3.5, 0, grid), 50), SEED);
        assertThat(blowUp).isInstanceOf(Outcome.Diverged.class);
        var d = (Outcome.Diverged<ParticleSolution>) blowUp;
        assertThat(d.time()).isGreaterThan(0.1).isLessThanOrEqualTo(0.2);
        assertThat(d.step()).isEqualTo(Math.round(d.time() / 0.002));
        assertThat(d.partial().trajectory().times()).containsExactly(0, 0.1);
        assertThat(d.reason()).contains("particle risk");
    }

    /**
     * The time-step part of the error estimate is first order (§4: weak error O(dt)): at gamma = 2 near the peak, the
     * bridged estimate {@code 2|x(dt) - x(dt/2)|} at dt = 0.004 is about twice the one at dt = 0.002 (ratio 2 up to
     * O(dt) corrections and the small noise of the bridged difference; [1.5, 2.7] allows both). Under-resolved
     * (dt = 0.02, 15 steps to the peak), the estimate is large and covers the miss of the spec's corrected value.
     * M = 2e5: near the peak the bridged difference still carries Monte-Carlo noise (at M = 2e4 the ratio was 3.0).
     */
    @Test
    void stepBiasEstimateShrinksAtFirstOrderAndFlagsAnUnderResolvedRun() {
        var p = ParticleSolver.replicate(DlnProblem.n1(4000, 2, 0, TimeGrid.of(0.2, 0.3)), 50);
        double coarse = new ParticleSolver(0.004).estimate(p, SEED).orElseThrow().stepBias().risk()[2];
        double fine = new ParticleSolver(0.002).estimate(p, SEED).orElseThrow().stepBias().risk()[2];
        assertThat(coarse / fine).as("bias estimates %s at dt = 0.004, %s at 0.002", coarse, fine).isBetween(1.5, 2.7);
        var rough = new ParticleSolver(0.02).estimate(p, SEED).orElseThrow();
        double miss = Math.abs(rough.trajectory().risk()[2] - 0.1152);
        assertThat(miss).as("under-resolved miss").isGreaterThan(5 * fine);
        assertThat(rough.error().risk()[2]).as("its error estimate covers the miss %s", miss)
                .isGreaterThan(miss - 4e-4);
    }

    @Test
    void replicatedN1AndTheN1LawStartAlikeAndRunAlike() {
        DlnInstance rep = ParticleSolver.replicate(DlnInstance.n1(10), 3);
        assertThat(rep.dimension()).isEqualTo(30);
        assertThat(Arrays.copyOfRange(rep.k(), 20, 30)).containsExactly(DlnInstance.n1(10).k());
        DlnInstance law = ParticleSolver.fromLaw(ParticleSolver.n1Law(), 1000);
        assertThat(law.dimension()).isEqualTo(1000);
        assertThat(Arrays.stream(law.target()).filter(b -> b == 1).count()).isEqualTo(100);
        assertThat(Arrays.stream(law.k()).filter(k -> k == 1.5).count()).isEqualTo(500);
        DlnObservables a = DlnInstance.n1(1000).initial(0.3);
        DlnObservables b = law.initial(0.3);
        assertThat(b.risk()).isCloseTo(a.risk(), within(1e-15)).isCloseTo(0.145, within(1e-15));
        // quotas with remainders: 3 atoms of equal weight over 10 particles -> 4, 3, 3
        var three = ParticleSolver.fromLaw(java.util.List.of(new ParticleSolver.Atom(1, 1, 0, 1, 0),
                new ParticleSolver.Atom(1, 2, 0, 1, 0), new ParticleSolver.Atom(1, 3, 0, 1, 0)), 10);
        assertThat(three.k()).containsExactly(1, 1, 1, 1, 2, 2, 2, 3, 3, 3);
        assertThat(ParticleSolver.replicasFor(4000, 200_000)).isEqualTo(50);
        assertThat(ParticleSolver.replicasFor(3000, 200_000)).isEqualTo(67);
        assertThat(ParticleSolver.replicasFor(300_000, 200_000)).isEqualTo(1);
    }

    @Test
    void runsDependOnlyOnTheSeedAndTheSquaresProblemIsTheProductOneAtTwiceTheStep() {
        var grid = TimeGrid.of(0.1, 0.2);
        var p = ParticleSolver.replicate(DlnProblem.n1(100, 0.5, 0.3, grid), 3);
        var solver = ParticleSolver.defaults();
        var a = solver.solve(p, 5).orElseThrow();
        assertThat(solver.solve(p, 5).orElseThrow()).isEqualTo(a);
        assertThat(solver.solve(p, 6).orElseThrow().trajectory().risk()[2]).isNotEqualTo(a.trajectory().risk()[2]);
        var squares = p.withParametrisation(Parametrisation.SQUARES).withGamma(0.25);
        assertThat(solver.solve(squares, 5).orElseThrow()).isEqualTo(a);
        // the estimate's value is the plain solve
        assertThat(solver.estimate(p, 5).orElseThrow().value()).isEqualTo(a);
        // the exact discrete identity: every c_j keeps its sign and N1's c(0) = 1 only shrinks
        double[] u = a.state().u0();
        double[] v = a.state().v0();
        for (int j = 0; j < u.length; j++) {
            double c = u[j] * u[j] - v[j] * v[j];
            assertThat(c).isPositive().isLessThanOrEqualTo(1);
        }
        // I(t) is the left Riemann sum of R: between t R(t) and t R(0) while R decreases
        double[] integral = a.integratedRisk();
        assertThat(integral[2]).isBetween(0.2 * a.trajectory().risk()[2], 0.2 * 0.145);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new ParticleSolver(0)).hasMessageContaining("dt must");
        assertThatThrownBy(() -> new ParticleSolver(Double.NaN)).hasMessageContaining("dt must");
        assertThatThrownBy(() -> ParticleSolver.replicate(DlnInstance.n1(10), 0)).hasMessageContaining("replicas");
        assertThatThrownBy(() -> ParticleSolver.fromLaw(java.util.List.of(), 10)).hasMessageContaining("atom");
        assertThatThrownBy(() -> new ParticleSolver.Atom(0, 1, 0, 1, 0)).hasMessageContaining("weight");
        var p = DlnProblem.n1(10, 0.5, 0, TimeGrid.of(0.0011));
        assertThatThrownBy(() -> ParticleSolver.defaults().estimate(p, 1)).hasMessageContaining("multiples of dt");
    }

    /** The dt/2 run of {@code solveHalfStep} is the bridged run of {@code estimate}: the step bias is twice its gap. */
    @Test
    void halfStepRunIsTheBridgedRunOfTheEstimate() {
        var p = ParticleSolver.replicate(DlnProblem.n1(200, 0.5, 0.3, TimeGrid.of(0.5, 1)), 5);
        var solver = ParticleSolver.defaults();
        double[] coarse = solver.solve(p, 3).orElseThrow().trajectory().risk();
        double[] half = solver.solveHalfStep(p, 3).orElseThrow().trajectory().risk();
        double[] bias = solver.estimate(p, 3).orElseThrow().stepBias().risk();
        assertThat(half).hasSize(coarse.length);
        for (int j = 0; j < coarse.length; j++) {
            assertThat(bias[j]).isEqualTo(2 * Math.abs(coarse[j] - half[j]));
        }
    }
}
