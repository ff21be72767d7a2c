package org.optdyn.theory.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.hipparchus.complex.Complex;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.quadratic.RandomQuadratics;
import org.optdyn.theory.shapes.FirstOrderMethod.CO;
import org.optdyn.theory.shapes.FirstOrderMethod.EG;
import org.optdyn.theory.shapes.FirstOrderMethod.GD;
import org.optdyn.theory.shapes.FirstOrderMethod.HB;
import org.optdyn.theory.shapes.FirstOrderMethod.MEG;
import org.optdyn.theory.shapes.FirstOrderMethod.NAG;

/**
 * The numeric checks S-1 … S-7 and S-10 … S-12 of spectral-shapes.md §8 (S-8 and S-9 are trajectory checks and
 * live in the games module). Tolerances (§8): closed forms 1e-9 relative; numerically optimized rates 1e-5;
 * optimized parameters 1e-4 relative; Algorithm GREEN 1e-4 absolute. Where the doc prints a value with 6–7
 * significant digits, the comparison allows half a unit of the last printed digit (the rounding of the print)
 * on top of the method tolerance, noted at each assertion.
 */
class SpectralShapeChecksTest {

    /** Half a unit in the 6th decimal: rounding of the doc's 6-decimal prints. */
    private static final double PRINT6 = 5e-7;
    /** Numerically optimized rates (§8). */
    private static final double OPT_RATE = 1e-5;
    /** Numerically optimized parameters, relative (§8). */
    private static final double OPT_PARAM = 1e-4;
    /** Boundary-sampling error of a sup at a smooth interior maximizer, 4001 points: O(Δt²) ≈ 1e-7 (Rates). */
    private static final double SAMPLING = 1e-6;

    private static void closeRel(double actual, double expected, double rel) {
        assertThat(actual).isCloseTo(expected, within(rel * Math.abs(expected)));
    }

    @Test
    void s1SegmentRatesOfGdPolyakNesterovEgAndOgMatchTheDoc() {
        var k = new Shape.Segment(1, 100);
        var gd = ShapeClosedForms.gd(k);
        closeRel(gd.method().eta(), 2.0 / 101, 1e-9);
        closeRel(gd.rate(), 99.0 / 101, 1e-9);
        assertThat(gd.rate()).isCloseTo(0.980198, within(PRINT6));
        // shape check (§9.2): sampled sup vs closed form, 1e-6 relative; GD's maximizer is an endpoint (exact)
        closeRel(Rates.rate(gd.method(), k), gd.rate(), 1e-9);

        var hb = ShapeClosedForms.polyak(k);
        assertThat(hb.method().h()).isCloseTo(0.0330579, within(5e-8));
        assertThat(hb.method().m()).isCloseTo(0.6694215, within(5e-8));
        closeRel(hb.rate(), 9.0 / 11, 1e-9);
        closeRel(ConvergenceFactor.of(k), 9.0 / 11, 1e-9);
        // HB's double roots at the ends make the sampled radius sqrt(m) + O(rounding of sqrt of a ~0 discriminant):
        // the doc measured 0.81818183 over 20001 points; sqrt(eps) ~ 1.5e-8 relative perturbation of a double root
        assertThat(Rates.rate(hb.method(), k)).isCloseTo(9.0 / 11, within(1e-7));

        var nag = ShapeClosedForms.nesterov(k);
        assertThat(nag.method().beta()).isCloseTo(9.0 / 11, within(1e-15));
        closeRel(nag.rate(), 0.9, 1e-9);
        // NAG has a double root at λ = μ, so the sampled value carries the sqrt(eps) perturbation of a double root
        assertThat(Rates.rate(new NAG(0.01, 9.0 / 11), k)).isCloseTo(0.9, within(1e-7));

        var eg = NumericalTuning.bestExtragradient(k);
        closeRel(eg.method().eta(), 1.0 / 101, OPT_PARAM);
        assertThat(eg.rate()).isCloseTo(10101.0 / 10201, within(OPT_RATE));
        closeRel(ShapeClosedForms.extragradient(k).rate(), 10101.0 / 10201, 1e-9);
        assertThat(eg.ratePerCall()).isCloseTo(0.9950864, within(OPT_RATE));

        var og = NumericalTuning.bestOptimistic(k);
        // doc prints η ≈ 0.006630 (4 significant digits): relative 1e-4 plus print rounding 5e-7/0.00663 = 7.5e-5
        assertThat(og.method().eta()).isCloseTo(0.006630, within(0.006630 * OPT_PARAM + 5e-7));
        assertThat(og.rate()).isCloseTo(0.993414, within(OPT_RATE));
    }

    @Test
    void s2DiskRateIsRadiusOverCentreAndEgIsWorsePerCall() {
        var d = new Shape.Disk(5, 3);
        closeRel(ConvergenceFactor.of(d), 0.6, 1e-9);
        var gd = ShapeClosedForms.gd(d);
        closeRel(gd.method().eta(), 0.2, 1e-12);
        // |1 - z/5| = 3/5 exactly on the circle; sampling cannot overshoot, rounding only
        closeRel(Rates.rate(gd.method(), d), 0.6, 1e-12);
        var eg = NumericalTuning.bestExtragradient(d);
        closeRel(eg.method().eta(), 0.1, OPT_PARAM);
        assertThat(eg.rate()).isCloseTo(0.84, within(OPT_RATE));
        assertThat(eg.ratePerCall()).isCloseTo(0.916515, within(OPT_RATE));
        assertThat(eg.ratePerCall()).isGreaterThan(0.6);
    }

    @Test
    void s3EllipseContinuumHeavyBallAttainsTheLowerBoundAndMomentumChangesSign() {
        double[] b = {0, 1, 2.25, 4.5, 6};
        double[] rho = {0.519494, 0.623821, 0.719536, 0.818182, 0.854887};
        double[] h = {0.230886, 0.226844, 0.213196, 0.181818, 0.162836};
        double[] m = {0.269874, 0.247643, 0.172577, 0, -0.104404};
        double[] gdRate = {0.818182, 0.818182, 0.818182, 0.818182, 0.884652};
        for (int k = 0; k < b.length; k++) {
            var e = ShapeClosedForms.continuum(1, 10, b[k]);
            var hb = ShapeClosedForms.heavyBall(e);
            assertThat(hb.rate()).as("ρ_E, b = %s", b[k]).isCloseTo(rho[k], within(PRINT6));
            closeRel(hb.rate(), ConvergenceFactor.of(e), 1e-12);
            assertThat(hb.method().h()).as("h, b = %s", b[k]).isCloseTo(h[k], within(PRINT6));
            assertThat(hb.method().m()).as("m, b = %s", b[k]).isCloseTo(m[k], within(PRINT6));
            // the HB rate region is exactly E: the sampled boundary sup equals ρ_E (to sampling + the sqrt(eps)
            // perturbation of double roots at the real ends when b = 0)
            assertThat(Rates.rate(hb.method(), e)).as("max on ∂E, b = %s", b[k]).isCloseTo(hb.rate(), within(1e-7));
            var gd = NumericalTuning.bestGD(e);
            assertThat(gd.rate()).as("GD, b = %s", b[k]).isCloseTo(gdRate[k], within(OPT_RATE));
        }
        closeRel(NumericalTuning.bestGD(ShapeClosedForms.continuum(1, 10, 6)).method().eta(), 0.119556, OPT_PARAM);
        closeRel(NumericalTuning.bestGD(ShapeClosedForms.continuum(1, 10, 0)).method().eta(), 2.0 / 11, OPT_PARAM);
    }

    @Test
    void s4BilinearNoOneCallMomentumConvergesAndSqHbIsOptimal() {
        var k = new Shape.Bilinear(1, 10);
        assertThat(ConvergenceFactor.of(k)).isCloseTo(0.9045340337, within(5e-11));
        closeRel(Math.pow(ConvergenceFactor.of(k), 2), 9.0 / 11, 1e-9);

        var eg = ShapeClosedForms.extragradient(k);
        closeRel(eg.method().eta(), 1 / Math.sqrt(101), 1e-12);
        assertThat(eg.rate()).isCloseTo(0.9950864483, within(5e-11));
        closeRel(Rates.rate(eg.method(), k), eg.rate(), SAMPLING);
        var egNum = NumericalTuning.bestExtragradient(k);
        closeRel(egNum.method().eta(), 0.0995037, OPT_PARAM);
        assertThat(egNum.ratePerCall()).isCloseTo(0.9975402, within(OPT_RATE));

        var og = NumericalTuning.bestOptimistic(k);
        closeRel(og.method().eta(), 0.057671, OPT_PARAM);
        assertThat(og.rate()).isCloseTo(0.998330, within(OPT_RATE));

        assertThat(Rates.rate(new HB(0.01, 0.5), k)).isCloseTo(1.04569, within(5e-6));
        assertThat(Rates.rate(new HB(0.01, -0.5), k)).isCloseTo(1.00074, within(5e-6));
        assertThat(Rates.rate(new HB(0.001, 0.9), k)).isCloseTo(1.03049, within(5e-6));
        // grid search: no HB/NAG parameter converges on σ in [0.01, 10]; at h = 0 the radius is max(1, |m|) = 1,
        // so the minimum is exactly 1 up to rounding (1e-12)
        var wide = new Shape.Bilinear(0.01, 10);
        Complex[] pts = wide.boundarySample(401);
        double minHb = Double.POSITIVE_INFINITY, minNag = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 40; i++) {
            double hh = -2 + 4.0 * i / 40;
            for (int j = 0; j <= 30; j++) {
                minHb = Math.min(minHb, Rates.rate(new HB(hh, -1.5 + 3.0 * j / 30), pts));
                minNag = Math.min(minNag, Rates.rate(new NAG(hh, -3 + 6.0 * j / 30), pts));
            }
        }
        assertThat(minHb).isGreaterThanOrEqualTo(1 - 1e-12);
        assertThat(minNag).isGreaterThanOrEqualTo(1 - 1e-12);

        double[] gammas = {0.1, 1, 10, 100};
        double[] coRates = {0.995037, 0.980588, 0.980202, 0.980198};
        for (int i = 0; i < gammas.length; i++) {
            var co = NumericalTuning.bestConsensus(k, gammas[i]);
            assertThat(co.rate()).as("CO γ = %s", gammas[i]).isCloseTo(coRates[i], within(OPT_RATE));
            // CO and EG(η, γ) have identical spectra on skew A (ψ_γ(iσ) = φ_γ(iσ))
            closeRel(Rates.rate(new EG(co.method().eta(), gammas[i]), k), co.rate(), 1e-12);
            assertThat(co.rate()).isGreaterThan(ShapeClosedForms.consensusLimit(k));
        }
        closeRel(ShapeClosedForms.consensusLimit(k), 99.0 / 101, 1e-12);

        var sq = ShapeClosedForms.squaredHeavyBall(k, 0.1);
        closeRel(sq.method().h(), 4.0 / 121, 1e-12);
        closeRel(sq.method().m(), 81.0 / 121, 1e-12);
        closeRel(sq.rate(), 9.0 / 11, 1e-12);
        assertThat(Rates.rate(sq.method(), k)).isCloseTo(9.0 / 11, within(1e-7));
        // lower-bound check (§9.2): per call no method beats ρ(K); SQ-HB attains it
        closeRel(sq.ratePerCall(), ConvergenceFactor.of(k), 1e-12);
        assertThat(eg.ratePerCall()).isGreaterThan(ConvergenceFactor.of(k));
        assertThat(og.ratePerCall()).isGreaterThan(ConvergenceFactor.of(k));
    }

    @Test
    void s5MomentumExtragradientOnBilinearApproachesTheBoundAsGammaGrows() {
        var k = new Shape.Bilinear(1, 10);
        assertThat(Rates.rate(new MEG(1e-3, 0, 0.5), k)).isGreaterThanOrEqualTo(1 - 1e-12);
        var direct = NumericalTuning.bestMomentumExtragradient(k, 0.1);
        assertThat(direct.rate()).isCloseTo(0.993526, within(OPT_RATE));
        closeRel(direct.method().h(), 0.109398, OPT_PARAM);
        closeRel(direct.method().m(), -0.267936, OPT_PARAM);

        double[] gammas = {1, 10, 100};
        double[] rate = {0.945218, 0.857608, 0.827163};
        double[] h = {0.0250187, 0.00308532, 0.000325653};
        double[] m = {0.607163, 0.686149, 0.674119};
        double[][] ell = {{64.2384, 63.4553, 12.1055}, {546.507, 537.280, 18.6477}, {5140.81, 5042.61, 37.417}};
        for (int i = 0; i < gammas.length; i++) {
            var fit = NumericalTuning.ellfit(gammas[i], 1, 10);
            assertThat(fit.rho()).as("ELLFIT rate γ = %s", gammas[i]).isCloseTo(rate[i], within(OPT_RATE));
            closeRel(fit.h(), h[i], OPT_PARAM);
            closeRel(fit.m(), m[i], OPT_PARAM);
            closeRel(fit.c(), ell[i][0], OPT_PARAM);
            closeRel(fit.a(), ell[i][1], OPT_PARAM);
            closeRel(fit.b(), ell[i][2], OPT_PARAM);
            // the arc lies in the ellipse: MEG's sampled rate equals ρ_E (attained at both endpoints)
            assertThat(Rates.rate(fit.meg(gammas[i]), k)).isCloseTo(fit.rho(), within(1e-9));
            // ACO has the same spectra as MEG on skew A
            assertThat(Rates.rate(fit.aco(gammas[i]), k)).isCloseTo(fit.rho(), within(1e-9));
            assertThat(fit.rho()).isGreaterThan(9.0 / 11);
        }
        // ELLFIT coincides with direct min–max (§6.7)
        var direct10 = NumericalTuning.bestMomentumExtragradient(k, 10);
        assertThat(direct10.rate()).isCloseTo(0.857608, within(OPT_RATE));
        assertThat(Math.sqrt(NumericalTuning.ellfit(10, 1, 10).rho())).isCloseTo(0.926071, within(OPT_RATE));
        assertThat(Math.sqrt(NumericalTuning.ellfit(1, 1, 10).rho())).isCloseTo(0.972223, within(OPT_RATE));
    }

    @Test
    void s6ShiftedBilinearMegIsExactlyOptimalAndOneCallMethodsAreSlower() {
        var k = new Shape.ShiftedBilinear(1, 1, 10);
        assertThat(ConvergenceFactor.of(k)).isCloseTo(0.8679166929, within(5e-11));
        assertThat(ConvergenceFactor.green(k, 800).rho()).isCloseTo(0.8679166929, within(1e-4));
        var meg = ShapeClosedForms.momentumExtragradient(k);
        assertThat(meg.method().gamma()).isEqualTo(0.5);
        assertThat(meg.method().h()).isCloseTo(0.0608710615, within(5e-11));
        assertThat(meg.method().m()).isCloseTo(0.5674298331, within(5e-11));
        assertThat(meg.rate()).isCloseTo(0.7532793858, within(5e-11));
        // double roots at the ends of the real image segment: sqrt(eps) perturbation
        assertThat(Rates.rate(meg.method(), k)).isCloseTo(0.7532793858, within(1e-7));
        closeRel(meg.ratePerCall(), ConvergenceFactor.of(k), 1e-9);

        var hb = ShapeClosedForms.heavyBall(new Shape.Ellipse(1, 0, 10));
        assertThat(hb.rate()).isCloseTo(0.9049876, within(5e-8));
        assertThat(hb.method().h()).isCloseTo(0.1809975, within(5e-8));
        assertThat(hb.method().m()).isCloseTo(-0.8190025, within(5e-8));
        assertThat(Rates.rate(hb.method(), k)).isCloseTo(0.9049876, within(OPT_RATE));
        var hbNum = NumericalTuning.bestHeavyBall(k);
        assertThat(hbNum.rate()).isCloseTo(0.9049876, within(OPT_RATE));

        var eg = NumericalTuning.bestExtragradient(k);
        closeRel(eg.method().eta(), 0.108719, OPT_PARAM);
        assertThat(eg.rate()).isCloseTo(0.895333, within(OPT_RATE));
        var og = NumericalTuning.bestOptimistic(k);
        closeRel(og.method().eta(), 0.057817, OPT_PARAM);
        assertThat(og.rate()).isCloseTo(0.943614, within(OPT_RATE));
        var gd = NumericalTuning.bestGD(k);
        closeRel(gd.method().eta(), 1.0 / 101, OPT_PARAM);
        assertThat(gd.rate()).isCloseTo(0.995037, within(OPT_RATE));

        var vertical = new Shape.Ellipse(1, 0, 10);
        closeRel(ConvergenceFactor.of(vertical), 10 / (1 + Math.sqrt(101)), 1e-12);
        assertThat(NumericalTuning.bestGD(vertical).rate()).isCloseTo(0.9950372, within(OPT_RATE));
        var egV = NumericalTuning.bestExtragradient(vertical);
        closeRel(egV.method().eta(), 0.109303, OPT_PARAM);
        assertThat(egV.rate()).isCloseTo(0.902644, within(OPT_RATE));
    }

    @Test
    void s7HalfDiskBoundsAndRatesOfGdEgAndOg() {
        var k = new Shape.HalfDisk(0.1, 1);
        assertThat(ConvergenceFactor.green(k, 800).rho()).isCloseTo(0.923570, within(1e-4));
        // the inscribed disk (diameter [μ, L]) is a subset: its factor is a lower bound
        assertThat(ConvergenceFactor.of(new Shape.Disk(0.55, 0.45))).isCloseTo(0.818182, within(PRINT6));
        var gd = ShapeClosedForms.gd(k);
        closeRel(gd.method().eta(), 0.1, 1e-12);
        assertThat(gd.rate()).isCloseTo(0.994987, within(PRINT6));
        assertThat(Rates.rate(gd.method(), k)).isCloseTo(gd.rate(), within(SAMPLING));
        assertThat(NumericalTuning.bestGD(k).rate()).isCloseTo(0.994987, within(OPT_RATE));
        var eg = ShapeClosedForms.extragradient(k);
        closeRel(eg.method().eta(), 1 / 1.1, 1e-12);
        assertThat(eg.rate()).isCloseTo(0.917355, within(PRINT6));
        assertThat(eg.ratePerCall()).isCloseTo(0.957787, within(PRINT6));
        assertThat(Rates.rate(eg.method(), k)).isCloseTo(eg.rate(), within(SAMPLING));
        var egU = ShapeClosedForms.extragradientUnequal(k);
        assertThat(Rates.rate(egU.method(), k)).isCloseTo(0.9, within(SAMPLING));
        var og = NumericalTuning.bestOptimistic(k);
        // doc prints η* ≈ 0.5817 (4 digits): relative 1e-4 plus print rounding 5e-5
        assertThat(og.method().eta()).isCloseTo(0.5817, within(0.5817 * OPT_PARAM + 5e-5));
        assertThat(og.rate()).isCloseTo(0.945198, within(OPT_RATE));

        var narrow = new Shape.HalfDisk(0.01, 1);
        assertThat(ConvergenceFactor.green(narrow, 800).rho()).isCloseTo(0.992308, within(1e-4));
        assertThat(NumericalTuning.bestGD(narrow).rate()).isCloseTo(0.999950, within(OPT_RATE));
        assertThat(Rates.rate(ShapeClosedForms.extragradient(narrow).method(), narrow)).isCloseTo(0.990197, within(OPT_RATE));
        assertThat(Rates.rate(ShapeClosedForms.extragradientUnequal(narrow).method(), narrow)).isCloseTo(0.99, within(SAMPLING));
        assertThat(NumericalTuning.bestOptimistic(narrow).rate()).isCloseTo(0.994250, within(OPT_RATE));
        var half = new Shape.HalfDisk(0.5, 1);
        assertThat(Rates.rate(ShapeClosedForms.extragradientUnequal(half).method(), half)).isCloseTo(0.5, within(SAMPLING));
        assertThat(Rates.rate(ShapeClosedForms.extragradient(half).method(), half)).isCloseTo(7.0 / 9, within(SAMPLING));
    }

    @Test
    void s10AlgorithmGreenReproducesTheClosedFormsWithin1e4() {
        var seg = ConvergenceFactor.green(new Shape.Segment(1, 10), 800);
        assertThat(seg.rho()).isCloseTo(ConvergenceFactor.of(new Shape.Segment(1, 10)), within(1e-4));
        assertThat(Math.exp(seg.logCapacity())).isCloseTo(9.0 / 4, within(1e-4));
        assertThat(ConvergenceFactor.green(new Shape.Disk(5, 3), 800).rho()).isCloseTo(0.6, within(1e-4));
        var e = new Shape.Ellipse(5, 4, 2);
        assertThat(ConvergenceFactor.green(e, 800).rho()).isCloseTo(ConvergenceFactor.of(e), within(1e-4));
        assertThat(ConvergenceFactor.of(e)).isCloseTo(0.6972244, within(5e-8));
        var b = new Shape.Bilinear(1, 10);
        assertThat(ConvergenceFactor.green(b, 800).rho()).isCloseTo(0.9045340, within(1e-4));
        // a union of two disjoint segments: GREEN against the pull-back closed form of the bilinear shape's image
        // under q(z) = -z² is not needed; monotonicity K' ⊂ K ⇒ ρ(K') <= ρ(K) is checked instead
        var union = Shape.Union.of(new Shape.Segment(1, 2), new Shape.Segment(5, 10));
        double u = ConvergenceFactor.green(union, 800).rho();
        assertThat(u).isLessThanOrEqualTo(ConvergenceFactor.of(new Shape.Segment(1, 10)) + 1e-4);
        assertThat(u).isGreaterThanOrEqualTo(ConvergenceFactor.of(new Shape.Segment(5, 10)) - 1e-4);
    }

    static double gaussian(SplittableRandom rnd) {
        return rnd.nextGaussian();
    }

    @Test
    void s11CompanionMatrixSpectralRadiusEqualsPerEigenvalueFormulaForNonNormalJacobian() {
        var rnd = new SplittableRandom(11);
        double[] sig = {1, 3, 10};
        RealMatrix dn = MatrixUtils.createRealMatrix(6, 6);
        for (int k = 0; k < 3; k++) {
            dn.setEntry(2 * k, 2 * k + 1, -sig[k]);
            dn.setEntry(2 * k + 1, 2 * k, sig[k]);
        }
        for (int i = 0; i < 6; i++) {
            for (int j = i + 2; j < 6; j++) {
                dn.setEntry(i, j, dn.getEntry(i, j) + 0.5 * gaussian(rnd));
            }
        }
        // Haar orthogonal Q from the engine (any orthogonal Q leaves the spectrum and its conditioning unchanged)
        RealMatrix q = MatrixUtils.createRealMatrix(6, 6);
        double[] qd = RandomQuadratics.haarOrthogonal(6, rnd);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                q.setEntry(i, j, qd[6 * i + j]);
            }
        }
        RealMatrix a = q.multiply(dn).multiply(q.transpose());
        var meg = new MEG(0.00308532, 10, 0.686149);
        // M1(A) = (1+m) I - h (A - γA²), M2(A) = -m I
        RealMatrix id = MatrixUtils.createRealIdentityMatrix(6);
        RealMatrix phi = a.subtract(a.multiply(a).scalarMultiply(meg.gamma()));
        RealMatrix m1 = id.scalarMultiply(1 + meg.m()).subtract(phi.scalarMultiply(meg.h()));
        RealMatrix comp = MatrixUtils.createRealMatrix(12, 12);
        comp.setSubMatrix(m1.getData(), 0, 0);
        comp.setSubMatrix(id.scalarMultiply(-meg.m()).getData(), 0, 6);
        comp.setSubMatrix(id.getData(), 6, 0);
        double specRad = 0;
        for (Complex ev : new EigenDecompositionNonSymmetric(comp).getEigenvalues()) {
            specRad = Math.max(specRad, ev.norm());
        }
        List<Complex> eig = new ArrayList<>();
        for (double s : sig) {
            eig.add(new Complex(0, s));
            eig.add(new Complex(0, -s));
        }
        double formula = Rates.rate(meg, eig.toArray(Complex[]::new));
        assertThat(formula).isCloseTo(0.8576079024, within(5e-11));
        // §9.2 spectral check: relative 1e-10 (eigenvalues of a 12×12 non-normal matrix: backward-stable QR
        // algorithm, condition of the simple eigenvalues ~ 1e2–1e3 → errors ~ 1e-13)
        closeRel(specRad, formula, 1e-10);
    }

    @Test
    void s12ExtragradientLocalBoundHoldsOnRandomMonotoneSpectra() {
        var rnd = new SplittableRandom(12);
        double worst = Double.NEGATIVE_INFINITY;
        for (int trial = 0; trial < 20_000; trial++) {
            int n = 1 + rnd.nextInt(8);
            var pts = new Complex[n];
            double maxAbs = 0, minRe = Double.POSITIVE_INFINITY, minAbs2 = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double r = Math.sqrt(rnd.nextDouble()), th = (rnd.nextDouble() - 0.5) * Math.PI;
                pts[i] = new Complex(r * Math.cos(th), r * Math.sin(th));
                maxAbs = Math.max(maxAbs, r);
                minRe = Math.min(minRe, pts[i].getReal());
                minAbs2 = Math.min(minAbs2, r * r);
            }
            double eta = 1 / (4 * maxAbs);
            double rate = Rates.rate(new EG(eta, eta), pts);
            double bound = 1 - 0.25 * (minRe / maxAbs + minAbs2 / (16 * maxAbs * maxAbs));
            worst = Math.max(worst, rate * rate - bound);
        }
        // the bound is an inequality: its slack must be negative on every sample (doc: <= -2e-7 on its set)
        assertThat(worst).isLessThan(0);
    }

    @Test
    void gdAndHbHaveSpectralRadiusAtLeastOneOnTheImaginaryAxis() {
        for (double s = 0.01; s < 100; s *= 1.7) {
            assertThat(new GD(0.3).spectralRadius(new Complex(0, s))).isGreaterThan(1);
            assertThat(new CO(0.1, 0.0).spectralRadius(new Complex(0, s))).isGreaterThan(1);
        }
    }
}
