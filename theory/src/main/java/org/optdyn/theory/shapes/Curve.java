package org.optdyn.theory.shapes;

import java.util.Objects;
import java.util.function.DoubleFunction;

import org.hipparchus.complex.Complex;

/**
 * One smooth piece of a shape's boundary, parametrized over {@code t in [0, 1]}.
 *
 * <p>Open curves have corners (or free ends) at {@code t = 0} and {@code t = 1}; closed curves are smooth
 * loops with {@code at(0) = at(1)}. Algorithm GREEN (spectral-shapes.md §4.3) clusters its panels towards the
 * ends of open curves and spaces them uniformly on closed ones.
 *
 * @param at     the parametrization {@code t -> z(t)}
 * @param closed whether the curve is a closed smooth loop
 */
public record Curve(DoubleFunction<Complex> at, boolean closed) {

    public Curve {
        Objects.requireNonNull(at, "at");
    }

    /** @return the straight segment from {@code a} to {@code b} (open). */
    public static Curve segment(Complex a, Complex b) {
        return new Curve(t -> new Complex(a.getReal() + t * (b.getReal() - a.getReal()),
                a.getImaginary() + t * (b.getImaginary() - a.getImaginary())), false);
    }

    /**
     * Samples the curve at {@code n} parameter values {@code t_k = k/(n-1)} (endpoints included; a closed curve
     * omits the duplicate endpoint {@code t = 1}).
     *
     * @param n number of points, at least 2
     * @return the sample points
     */
    public Complex[] sample(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("n must be >= 2, got " + n);
        }
        int count = closed ? n - 1 : n;
        var out = new Complex[count];
        for (int k = 0; k < count; k++) {
            out[k] = at.apply((double) k / (n - 1));
        }
        return out;
    }
}
