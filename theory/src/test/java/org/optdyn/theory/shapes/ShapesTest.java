package org.optdyn.theory.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.optdyn.theory.shapes.FirstOrderMethod.EG;
import org.optdyn.theory.shapes.FirstOrderMethod.GD;
import org.optdyn.theory.shapes.FirstOrderMethod.HB;
import org.optdyn.theory.shapes.FirstOrderMethod.OG;

class ShapesTest {

    @Test
    void constructorsRejectInvalidParametersNamingThem() {
        assertThatThrownBy(() -> new Shape.Segment(2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lo = 2.0");
        assertThatThrownBy(() -> new Shape.Disk(1, 0)).hasMessageContaining("r");
        assertThatThrownBy(() -> new Shape.Ellipse(1, 0, 0)).hasMessageContaining("not both 0");
        assertThatThrownBy(() -> new Shape.Bilinear(0, 1)).hasMessageContaining("sigmaMin = 0.0");
        assertThatThrownBy(() -> new Shape.HalfDisk(1, 1)).hasMessageContaining("mu < L");
        assertThatThrownBy(() -> new Shape.Polygon(List.of(Complex.ONE, Complex.I))).hasMessageContaining("3 vertices");
        assertThatThrownBy(() -> ConvergenceFactor.of(new Shape.Disk(1, 2))).hasMessageContaining("0 must lie outside");
        assertThatThrownBy(() -> ConvergenceFactor.green(Shape.Points.of(Complex.ONE), 100))
                .hasMessageContaining("capacity 0");
        assertThatThrownBy(() -> ModalPrediction.fittedRate(new double[3], 2, 1)).hasMessageContaining("from");
    }

    @Test
    void membershipAndSamplingAgreeWithTheDefinitions() {
        var e = new Shape.Ellipse(3, 2, 1);
        assertThat(e.contains(new Complex(3, 0.99), 0)).isTrue();
        assertThat(e.contains(new Complex(4.9, 0.5), 0)).isFalse();
        for (Complex z : e.boundarySample(101)) {
            assertThat(Math.pow((z.getReal() - 3) / 2, 2) + z.getImaginary() * z.getImaginary()).isCloseTo(1, within(1e-12));
        }
        var h = new Shape.HalfDisk(0.5, 1);
        for (Complex z : h.filledSample(41, 101)) {
            assertThat(h.contains(z, 1e-12)).isTrue();
        }
        var square = new Shape.Polygon(List.of(new Complex(1, -1), new Complex(3, -1), new Complex(3, 1), new Complex(1, 1)));
        assertThat(square.contains(new Complex(2, 0), 0)).isTrue();
        assertThat(square.contains(new Complex(0.5, 0), 0)).isFalse();
        assertThat(new Shape.Bilinear(1, 2).contains(new Complex(0, -1.5), 1e-12)).isTrue();
    }

    @Test
    void polygonAndGreenAgreeWithTheDiskTheyApproximate() {
        // a regular 64-gon inscribed in Disk(5, 3): ρ lies between that of the inscribed disk of the polygon
        // (radius 3 cos(π/64)) and of the disk itself (monotonicity of ρ under inclusion, §4.1)
        var verts = new java.util.ArrayList<Complex>();
        for (int k = 0; k < 64; k++) {
            verts.add(new Complex(5 + 3 * Math.cos(2 * Math.PI * k / 64), 3 * Math.sin(2 * Math.PI * k / 64)));
        }
        double rho = ConvergenceFactor.green(new Shape.Polygon(verts), 640).rho();
        // GREEN accuracy 1e-4 (S-10)
        assertThat(rho).isBetween(3 * Math.cos(Math.PI / 64) / 5 - 1e-4, 0.6 + 1e-4);
    }

    @Test
    void transformedShapeCarriesTheMethodMap() {
        var k = new Shape.Bilinear(1, 10);
        double gamma = 0.1;
        var image = new Shape.Transformed(k, z -> FirstOrderMethod.extrapolation(z, gamma), "φ_γ(K)");
        // EG(η, γ) on K is GD(η) on φ_γ(K) (§5)
        double eta = 0.05;
        assertThat(Rates.rate(new GD(eta), image)).isCloseTo(Rates.rate(new EG(eta, gamma), k), within(1e-15));
    }

    @Test
    void ratePerCallAndLowerBoundAreConsistentOnADisk() {
        var d = new Shape.Disk(5, 3);
        var eg = NumericalTuning.bestExtragradient(d);
        var og = NumericalTuning.bestOptimistic(d);
        var hb = NumericalTuning.bestHeavyBall(d);
        double rho = ConvergenceFactor.of(d);
        // no method beats ρ(K) per call (Bernstein–Walsh, §4.1); sampling can only underestimate by ~1e-7
        for (double r : new double[] {eg.ratePerCall(), og.ratePerCall(), hb.ratePerCall()}) {
            assertThat(r).isGreaterThanOrEqualTo(rho - 1e-7);
        }
        // on a disk momentum does not help: best HB is GD(1/c) with m = 0 (§6.2)
        assertThat(hb.rate()).isCloseTo(0.6, within(1e-5));
        assertThat(hb.method().m()).isCloseTo(0, within(1e-3));
    }

    @Test
    void modalPredictionOfOneStepMethodIsGeometric() {
        var gd = new GD(0.2);
        Complex[] eig = {new Complex(2, 1)};
        double[] n = ModalPrediction.errorNorms(gd, eig, new double[] {3}, 10);
        double r = gd.spectralRadius(eig[0]);
        for (int t = 0; t <= 10; t++) {
            assertThat(n[t]).isCloseTo(3 * Math.pow(r, t), within(1e-14));
        }
        assertThat(ModalPrediction.fittedRate(n, 2, 10)).isCloseTo(r, within(1e-14));
        // OG and HB two-step recurrences start from u_{-1} = u_0 = 1: first step is a GD step
        double[] og = ModalPrediction.errorNorms(new OG(0.1), eig, new double[] {1}, 1);
        assertThat(og[1]).isCloseTo(new GD(0.1).spectralRadius(eig[0]), within(1e-15));
        double[] hb = ModalPrediction.errorNorms(new HB(0.1, 0.5), eig, new double[] {1}, 1);
        assertThat(hb[1]).isCloseTo(new GD(0.1).spectralRadius(eig[0]), within(1e-15));
    }

    @Test
    void enclosingEllipseOfARectanglePassesThroughItsCornersAndExcludesZero() {
        var e = NumericalTuning.enclosingEllipse(1, 10, 1);
        for (Complex corner : List.of(new Complex(1, 1), new Complex(10, 1), new Complex(1, -1), new Complex(10, -1))) {
            double x = (corner.getReal() - e.c()) / e.a(), y = corner.getImaginary() / e.b();
            assertThat(x * x + y * y).isCloseTo(1, within(1e-12));
        }
        assertThat(e.c()).isGreaterThan(e.a());
        double rho = ConvergenceFactor.of(e);
        // containment ⇒ monotonicity: the rectangle's own GREEN value is at most the ellipse's (§4.1)
        var rect = new Shape.Polygon(List.of(new Complex(1, -1), new Complex(10, -1), new Complex(10, 1), new Complex(1, 1)));
        assertThat(ConvergenceFactor.green(rect, 400).rho()).isLessThanOrEqualTo(rho + 1e-4);
        // and it is optimal among the admissible a: nearby semi-axes give larger ρ_E
        for (double da : new double[] {-1e-3, 1e-3}) {
            double a = e.a() + da, b = 1 / Math.sqrt(1 - Math.pow(4.5 / a, 2));
            assertThat(ConvergenceFactor.ellipse(e.c(), a, b)).isGreaterThanOrEqualTo(rho - 1e-15);
        }
    }
}
