package org.optdyn.theory.shapes;

import java.util.Objects;

import org.hipparchus.complex.Complex;

/**
 * Asymptotic rates of stationary methods on spectral shapes: {@code ρ_M(K) = sup_{λ in K} ρ_M(λ)}
 * (spectral-shapes.md §3.2).
 *
 * <p>Evaluation follows §5 ("spectral-radius evaluation, normative"): for a method whose characteristic
 * coefficients are polynomials in {@code λ} the spectral radius is logarithmically subharmonic in {@code λ}, so
 * by the maximum principle its supremum over a filled shape is attained on the boundary, which is sampled with
 * {@link #POINTS_PER_CURVE} points per curve (endpoints included). CO and ACO use the non-analytic consensus map
 * and are evaluated on the boundary plus a {@link #GRID}{@code ²} grid over the filled shape. Sampling error: at
 * a smooth interior maximizer of the boundary parametrization the sampled maximum falls short of the supremum by
 * {@code O(Δt²)}, about {@code 1e-7} relative for 4001 points; at endpoints (corners) there is no error.
 */
public final class Rates {

    /** Boundary points per curve for rate evaluations (the doc asks for at least 4001). */
    public static final int POINTS_PER_CURVE = 4001;

    /** Grid points per axis for the filled-shape evaluation of non-analytic methods. */
    public static final int GRID = 201;

    private Rates() {
    }

    /**
     * @param method the method
     * @param shape  the shape
     * @return the points where {@code method}'s spectral radius must be examined on {@code shape}
     */
    public static Complex[] evaluationPoints(FirstOrderMethod method, Shape shape) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(shape, "shape");
        return method.analytic() ? shape.boundarySample(POINTS_PER_CURVE) : shape.filledSample(GRID, POINTS_PER_CURVE);
    }

    /** @return {@code ρ_M(K)} per iteration, by the evaluation rule of the class comment. */
    public static double rate(FirstOrderMethod method, Shape shape) {
        return rate(method, evaluationPoints(method, shape));
    }

    /** @return {@code max_k ρ_M(λ_k)} over the given points (e.g. the exact spectrum of one game). */
    public static double rate(FirstOrderMethod method, Complex[] points) {
        double r = 0;
        for (Complex z : points) {
            double s = method.spectralRadius(z);
            if (Double.isNaN(s)) {
                return Double.NaN;
            }
            r = Math.max(r, s);
        }
        return r;
    }

    /** @return the point of {@code points} with the largest spectral radius (first one on ties). */
    public static Complex worstPoint(FirstOrderMethod method, Complex[] points) {
        Complex best = points[0];
        double r = -1;
        for (Complex z : points) {
            double s = method.spectralRadius(z);
            if (s > r) {
                r = s;
                best = z;
            }
        }
        return best;
    }

    /** @return the rate per oracle call, {@code ρ_M(K)^{1/calls}}. */
    public static double ratePerCall(FirstOrderMethod method, Shape shape) {
        return method.perCall(rate(method, shape));
    }
}
