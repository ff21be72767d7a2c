package org.optdyn.theory.averagecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.hipparchus.analysis.polynomials.PolynomialsUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optdyn.engine.quadratic.DenseQuadratic;
import org.optdyn.engine.quadratic.QuadraticRunner;
import org.optdyn.engine.quadratic.RandomQuadratics;
import org.optdyn.theory.spectrum.BetaSpectrum;
import org.optdyn.theory.spectrum.EmpiricalSpectrum;
import org.optdyn.theory.spectrum.MarchenkoPastur;

class ResidualPolynomialsTest {

    /** Master seed of the drawn cases: every run executes the same cases. */
    private static final long CASES_SEED = 20261206L;

    /**
     * Points {@code (lambda, t)}: the corners of {@code [lo, hi] x [tMin, tMax]}, then {@code drawn} points drawn
     * uniformly from a fixed seed. JUnit names each case by its values, so a failure says its input.
     */
    private static List<Arguments> points(double lo, double hi, int tMin, int tMax, int drawn) {
        var cases = new ArrayList<Arguments>();
        for (double lambda : new double[] {lo, hi}) {
            for (int t : new int[] {tMin, tMax}) {
                cases.add(Arguments.of(lambda, t));
            }
        }
        var random = new SplittableRandom(CASES_SEED);
        for (int k = 0; k < drawn; k++) {
            cases.add(Arguments.of(random.nextDouble(lo, hi), random.nextInt(tMin, tMax + 1)));
        }
        return cases;
    }

    static List<Arguments> gradientDescentPoints() {
        return points(0, 2, 0, 12, 200);
    }

    static List<Arguments> chebyshevPoints() {
        return points(0, 3, 1, 10, 200);
    }

    static List<Arguments> heavyBallPoints() {
        return points(1, 4, 1, 12, 100);
    }

    /** Jacobi parameters {@code alpha, beta} in [-0.9, 3] (corners and draws) with lambda in [0, 1], t in 0..7. */
    static List<Arguments> gcmPoints() {
        var cases = new ArrayList<Arguments>();
        for (double alpha : new double[] {-0.9, 3}) {
            for (double beta : new double[] {-0.9, 3}) {
                cases.add(Arguments.of(alpha, beta, 1.0, 7));
            }
        }
        var random = new SplittableRandom(CASES_SEED);
        for (int k = 0; k < 150; k++) {
            cases.add(Arguments.of(random.nextDouble(-0.9, 3), random.nextDouble(-0.9, 3), random.nextDouble(),
                    random.nextInt(8)));
        }
        return cases;
    }

    private static double at(PolynomialMethod m, double lambda, int t) {
        return ResidualPolynomials.evaluate(m.schedule(Math.max(t, 1)), new double[] {lambda}, t)[0];
    }

    @ParameterizedTest
    @MethodSource("gradientDescentPoints")
    void gradientDescentRecurrenceIsThePower(double lambda, int t) {
        double h = 0.7;
        // t multiplications of numbers of size <= 1.4: relative error <= t eps
        assertThat(at(new GradientDescent(h), lambda, t)).isCloseTo(Math.pow(1 - h * lambda, t), within(1e-13));
    }

    @ParameterizedTest
    @MethodSource("chebyshevPoints")
    void chebyshevRecurrenceMatchesTheDirectChebyshevRatio(double lambda, int t) {
        double lo = 0.5;
        double hi = 2.5;
        double s = (hi + lo - 2 * lambda) / (hi - lo);
        double s0 = (hi + lo) / (hi - lo);
        var tT = PolynomialsUtils.createChebyshevPolynomial(t);
        // monomial evaluation of T_t (degree <= 10, |s| <= 2) loses ~1e-12; the recurrence is the accurate side
        assertThat(at(Chebyshev.firstKind(lo, hi), lambda, t)).isCloseTo(tT.value(s) / tT.value(s0), within(1e-10));
        // second kind: U_t by its own recurrence (independent of the method's ratio form)
        assertThat(at(Chebyshev.secondKind(lo, hi), lambda, t)).isCloseTo(u(t, s) / u(t, s0), within(1e-11));
    }

    private static double u(int t, double x) {
        double prev = 1;
        double cur = 2 * x;
        if (t == 0) {
            return 1;
        }
        for (int k = 1; k < t; k++) {
            double next = 2 * x * cur - prev;
            prev = cur;
            cur = next;
        }
        return cur;
    }

    @ParameterizedTest
    @MethodSource("gcmPoints")
    void gcmRecurrenceMatchesTheExplicitJacobiSum(double alpha, double beta, double lambda, int t) {
        // Hipparchus builds Jacobi polynomials for integer parameters only, so compare with the explicit sum P_t^{(a,b)}(x) = sum_s C(t+a, t-s) C(t+b, s) ((x-1)/2)^s ((x+1)/2)^{t-s}
        double lo = 0.1;
        double hi = 1.0;
        double x = (2 * lambda - hi - lo) / (hi - lo);
        double x0 = -(hi + lo) / (hi - lo);
        double expected = jacobi(t, alpha, beta, x) / jacobi(t, alpha, beta, x0);
        double got = at(new GeneralizedChebyshev(alpha, beta, lo, hi), lambda, t);
        assertThat(got).isCloseTo(expected, within(1e-10 * Math.max(1, Math.abs(expected))));
    }

    private static double jacobi(int n, double a, double b, double x) {
        double s = 0;
        for (int k = 0; k <= n; k++) {
            s += gbinom(n + a, n - k) * gbinom(n + b, k) * Math.pow((x - 1) / 2, k) * Math.pow((x + 1) / 2, n - k);
        }
        return s;
    }

    private static double gbinom(double top, int k) {
        double r = 1;
        for (int i = 0; i < k; i++) {
            r *= (top - i) / (i + 1);
        }
        return r;
    }

    @ParameterizedTest
    @MethodSource("heavyBallPoints")
    void heavyBallRecurrenceMatchesItsChebyshevClosedForms(double lambda, int t) {
        var plain = HeavyBall.polyak(1, 4, HeavyBall.FirstStep.PLAIN);
        double h = plain.step();
        double m = plain.momentum();
        double s = (1 + m - h * lambda) / (2 * Math.sqrt(m));
        double closedPlain = Math.pow(m, t / 2.0) * (u(t, s) - Math.sqrt(m) * u(t - 1, s));
        double tt = Math.cos(t * Math.acos(Math.max(-1, Math.min(1, s))));
        double closedPs = Math.pow(m, t / 2.0) * (2 * m / (1 + m) * tt + (1 - m) / (1 + m) * u(t, s));
        assertThat(at(plain, lambda, t)).isCloseTo(closedPlain, within(1e-12));
        assertThat(at(HeavyBall.polyak(1, 4, HeavyBall.FirstStep.PEDREGOSA_SCIEUR), lambda, t))
                .isCloseTo(closedPs, within(1e-12));
    }

    @Test
    void recurrenceStaysStableAndBoundedForTenThousandSteps() {
        // |U_t(sigma)/U_t(sigma_0)| <= (t+1)/U_t(sigma_0) on the interval; r = 1: P_t = U_t/U_t(1) in [-1, 1]
        var sched = Chebyshev.secondKind(0, 4).schedule(10_000);
        double[] grid = new double[401];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = 4.0 * i / 400;
        }
        double[] p = ResidualPolynomials.evaluate(sched, grid, 10_000);
        for (int i = 0; i < grid.length; i++) {
            assertThat(Math.abs(p[i])).isLessThanOrEqualTo(1.0 + 1e-9);
        }
        // P_t(0) = 1 exactly in exact arithmetic; a recurrence whose solutions grow linearly (double root) accumulates
        // at most ~ t(t+1)/2 eps = 5.6e-9 of rounding over t = 10^4 steps
        assertThat(p[0]).isCloseTo(1.0, within(5.6e-9));
        // closed form D_t = 1/(t+1) at t = 10^4 (quadrature exact with 10^4 + 2 Chebyshev nodes)
        var e = ResidualPolynomials.expectedErrors(new MarchenkoPasturOptimal(1, 1), 10_000,
                new MarchenkoPastur(1, 1).quadrature(10_002));
        // relative 1e-8 (section 8 default): node values carry <= t(t+1)/2 eps relative rounding (see above)
        assertThat(e.distance(10_000)).isCloseTo(1.0 / 10_001, within(1e-8 / 10_001));
    }

    @Test
    void expectedErrorsOfAnUnstableMethodReportDivergenceNotNaN() {
        var e = ResidualPolynomials.expectedErrors(new GradientDescent(3.0), 2000,
                BetaSpectrum.uniform(0, 1).quadrature(20));
        assertThat(e.diverged()).isTrue();
        // |1 - 3|^{2t} overflows double near t = 512
        assertThat(e.divergedAtStep()).isBetween(500, 520);
        assertThat(e.e0()).hasSize(e.divergedAtStep());
        assertThat(java.util.Arrays.stream(e.e0()).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void engineIterationsOnRotatedProblemsEqualThePolynomialSums() {
        // section 9.2 level 1: deterministic e_0 = (1/sqrt d) Q^T 1 gives ||e_t||^2 = (1/d) sum P_t(lambda_i)^2
        int d = 60;
        double[] lam = new double[d];
        for (int i = 0; i < d; i++) {
            lam[i] = 0.2 + 1.8 * i / (d - 1);
        }
        var rng = java.util.random.RandomGeneratorFactory.<java.util.random.RandomGenerator.SplittableGenerator>of(
                "L64X256MixRandom").create(77);
        double[] q = RandomQuadratics.haarOrthogonal(d, rng.split());
        double[] h = new double[d * d];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    h[i * d + j] += lam[k] * q[k * d + i] * q[k * d + j];
                }
            }
        }
        double[] xStar = new double[d];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < d; i++) {
                xStar[i] -= q[k * d + i] / Math.sqrt(d); // x_0 = 0, e_0 = -x* = (1/sqrt d) sum_k q_k
            }
        }
        var problem = new DenseQuadratic(d, h, xStar);
        var spectrum = EmpiricalSpectrum.of(lam).quadrature(0);
        List<PolynomialMethod> methods = List.of(new GradientDescent(1.0), HeavyBall.polyak(0.2, 2.0,
                HeavyBall.FirstStep.PLAIN), HeavyBall.polyak(0.2, 2.0, HeavyBall.FirstStep.PEDREGOSA_SCIEUR),
                NesterovStronglyConvex.standard(0.2, 2.0), new NesterovConvex(0.5), Chebyshev.firstKind(0.2, 2.0),
                Chebyshev.secondKind(0.2, 2.0), new GeneralizedChebyshev(1.5, 0.5, 0.2, 2.0),
                new MarchenkoPasturOptimal(0.4, 0.9), new Laguerre(1.1));
        for (var m : methods) {
            int steps = 200;
            var out = QuadraticRunner.run(m.schedule(steps), problem, new double[d], true);
            var th = ResidualPolynomials.expectedErrors(m, steps, spectrum);
            if (!out.completed()) {
                // a method that is unstable on this spectrum must also blow up in theory
                assertThat(th.distance(Math.min(th.lastStep(), steps))).as(m.name()).isGreaterThan(1e50);
                continue;
            }
            var done = out.value();
            for (int t = 0; t <= steps; t += 10) {
                double rel = 1e-10;
                // rotation errors O(d eps) relative to ||e_0||^2 = 1; for tiny D_t the comparison is absolute
                double tol = rel * th.distance(t) + 1e-13;
                assertThat(done.squaredDistance()[t]).as("%s t=%d", m.name(), t).isCloseTo(th.distance(t), within(tol));
                assertThat(done.gap()[t]).as("%s gap t=%d", m.name(), t).isCloseTo(th.gap(t),
                        within(rel * th.gap(t) + 1e-13));
                assertThat(done.squaredGradientNorm()[t]).isCloseTo(th.gradient(t), within(rel * th.gradient(t) + 1e-13));
            }
        }
    }

    @Test
    void optimalMethodIsExactAfterAsManyStepsAsAtoms() {
        double[] atoms = {0.3, 0.7, 1.1, 2.0, 2.9};
        var s = EmpiricalSpectrum.of(atoms);
        var e = ResidualPolynomials.expectedErrors(AverageCaseOptimal.forDistribution(s, 0, 0), 8, s.quadrature(0));
        assertThat(e.distance(5)).isLessThan(1e-26);
        assertThat(e.distance(8)).isLessThan(1e-26);
        // and it beats GD at every step before that (optimality)
        var gd = ResidualPolynomials.expectedErrors(new GradientDescent(2 / 3.2), 5, s.quadrature(0));
        for (int t = 1; t < 5; t++) {
            assertThat(e.distance(t)).isLessThanOrEqualTo(gd.distance(t));
        }
    }

    @Test
    void asymptoticHelpersAndValidation() {
        assertThat(AsymptoticRates.gcmExponent(0.5, 1.5, -0.5, 0.5)).isEqualTo(-1.0);
        assertThat(AsymptoticRates.nesterovExponentLoss(1.5)).isEqualTo(1.0);
        assertThat(AsymptoticRates.nesterovExponentLoss(0.0)).isEqualTo(0.0);
        double[] curve = new double[101];
        for (int t = 1; t <= 100; t++) {
            curve[t] = 3.0 * Math.pow(t, -1.7);
        }
        assertThat(AsymptoticRates.fittedExponent(curve, 10, 100, 12)).isCloseTo(-1.7, within(1e-12));
        assertThat(AsymptoticRates.acceleratedRate(1, 4)).isCloseTo(1.0 / 9, within(1e-15));
        assertThatThrownBy(() -> new GeneralizedChebyshev(-1, 0, 0, 1)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> Chebyshev.firstKind(0, 1)).hasMessageContaining("lower");
        assertThatThrownBy(() -> new HeavyBall(1, 1, HeavyBall.FirstStep.PLAIN)).hasMessageContaining("momentum");
        assertThatThrownBy(() -> GeneralizedChebyshev.optimalFor(0, 0, 3, 1)).hasMessageContaining("metric");
    }
}
