package org.optdyn.theory.shapes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.function.DoubleFunction;

import org.hipparchus.complex.Complex;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;
import org.optdyn.theory.shapes.FirstOrderMethod.ACO;
import org.optdyn.theory.shapes.FirstOrderMethod.CO;
import org.optdyn.theory.shapes.FirstOrderMethod.EG;
import org.optdyn.theory.shapes.FirstOrderMethod.GD;
import org.optdyn.theory.shapes.FirstOrderMethod.HB;
import org.optdyn.theory.shapes.FirstOrderMethod.MEG;
import org.optdyn.theory.shapes.FirstOrderMethod.OG;

/**
 * Numerical min–max tuning: hyper-parameters minimizing {@code ρ_M(K) = max_{λ} ρ_M(λ)} where the doc gives no
 * closed form (spectral-shapes.md §6, §8: "bounded scalar minimization or Nelder–Mead with restarts").
 *
 * <p>One-parameter families: a logarithmic grid of {@link #GRID_POINTS} step sizes brackets the minimum of the
 * (quasi-convex in practice) max-rate, then Hipparchus' {@link BrentOptimizer} refines it within the bracket to
 * relative tolerance {@code 1e-12}. Two-parameter heavy ball:
 * nested bracketed Brent searches with an exchange (active-set) loop, see {@link #bestHeavyBall(Complex[])}. Algorithm
 * ELLFIT (§6.7) gives the optimal heavy ball on the arc {@code {γu + i√u}} of MEG/ACO on bilinear shapes.
 */
public final class NumericalTuning {

    /** Points of the logarithmic bracketing grid of one-parameter searches. */
    public static final int GRID_POINTS = 400;

    private NumericalTuning() {
    }

    /**
     * Minimizes {@code max_k ρ(family(η), λ_k)} over {@code η in [lo, hi]}.
     *
     * @param family the method as a function of its step
     * @param points where the spectral radius is evaluated (see {@link Rates#evaluationPoints})
     * @param lo     smallest step, {@code > 0}
     * @param hi     largest step, {@code > lo}
     * @param <M>    method type
     * @return the best method and its rate
     */
    public static <M extends FirstOrderMethod> Tuned<M> bestStep(DoubleFunction<M> family, Complex[] points,
                                                                 double lo, double hi) {
        if (!(lo > 0) || !(hi > lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("need 0 < lo < hi finite, got lo = " + lo + ", hi = " + hi);
        }
        // bracket on a strided subset of the points (every k-th point plus the last; the max over a subset can
        // only be lower, so the bracket is widened by two grid cells), then Brent on all points
        Complex[] coarse = points.length > 1000 ? stride(points, points.length / 500) : points;
        double[] grid = new double[GRID_POINTS];
        int best = 0;
        double coarseBest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < GRID_POINTS; k++) {
            grid[k] = lo * Math.pow(hi / lo, (double) k / (GRID_POINTS - 1));
            double v = Rates.rate(family.apply(grid[k]), coarse);
            if (v < coarseBest) {
                coarseBest = v;
                best = k;
            }
        }
        double bestVal = Rates.rate(family.apply(grid[best]), points);
        double a = grid[Math.max(0, best - 2)], b = grid[Math.min(GRID_POINTS - 1, best + 2)];
        var brent = new BrentOptimizer(1e-12, 1e-300);
        UnivariatePointValuePair p = brent.optimize(new MaxEval(10_000), GoalType.MINIMIZE,
                new SearchInterval(a, b, grid[best]),
                new UnivariateObjectiveFunction(eta -> Rates.rate(family.apply(eta), points)));
        double eta = p.getValue() < bestVal ? p.getPoint() : grid[best];
        M m = family.apply(eta);
        return new Tuned<>(m, Rates.rate(m, points));
    }

    private static double maxModulus(Complex[] points) {
        double m = 0;
        for (Complex z : points) {
            m = Math.max(m, z.norm());
        }
        if (!(m > 0)) {
            throw new IllegalArgumentException("shape must contain a non-zero point");
        }
        return m;
    }

    /** Best GD step on a shape (searched over {@code η |λ|max in [1e-8, 4]}). */
    public static Tuned<GD> bestGD(Shape shape) {
        Complex[] pts = shape.boundarySample(Rates.POINTS_PER_CURVE);
        double l = maxModulus(pts);
        return bestStep(GD::new, pts, 1e-8 / l, 4 / l);
    }

    /** Best classical EG(η, η) step on a shape. */
    public static Tuned<EG> bestExtragradient(Shape shape) {
        Complex[] pts = shape.boundarySample(Rates.POINTS_PER_CURVE);
        double l = maxModulus(pts);
        return bestStep(eta -> new EG(eta, eta), pts, 1e-8 / l, 4 / l);
    }

    /** Best optimistic-gradient step on a shape. */
    public static Tuned<OG> bestOptimistic(Shape shape) {
        Complex[] pts = shape.boundarySample(Rates.POINTS_PER_CURVE);
        double l = maxModulus(pts);
        return bestStep(OG::new, pts, 1e-8 / l, 4 / l);
    }

    /** Best CO step {@code η} for a fixed consensus weight {@code γ} (filled shapes sampled on a grid). */
    public static Tuned<CO> bestConsensus(Shape shape, double gamma) {
        Complex[] pts = Rates.evaluationPoints(new CO(1, gamma), shape);
        double l = Arrays.stream(pts).mapToDouble(z -> FirstOrderMethod.consensus(z, gamma).norm()).max().orElseThrow();
        return bestStep(eta -> new CO(eta, gamma), pts, 1e-8 / l, 4 / l);
    }

    /**
     * Best heavy ball {@code (h, m)} on a point set by min–max. The objective {@code max_k ρ_HB(λ_k)} is
     * non-smooth (a maximum of many branches), on which Nelder–Mead stalls on ridges; instead a nested search
     * is used: {@code g(h) = min_m max_k ρ_HB}, each one-dimensional problem bracketed on a grid and refined by
     * Brent, over an active subset of the points that is enlarged by the worst remaining point until the rate on
     * the active subset equals the rate on all points to {@code 1e-12} (an exchange algorithm, as in Remez).
     *
     * @param points where the spectral radius is evaluated
     * @return the best heavy ball found and its rate
     */
    public static Tuned<HB> bestHeavyBall(Complex[] points) {
        double l = maxModulus(points);
        var active = new ArrayList<>(Arrays.asList(points.length > 400 ? stride(points, points.length / 200) : points));
        HB best = null;
        double full = Double.NaN;
        for (int round = 0; round < 60; round++) {
            Complex[] s = active.toArray(Complex[]::new);
            DoubleUnaryOperator bestM = h -> minimize(m -> Rates.rate(new HB(h, m), s), -1, 1, 41);
            double logH = minimize(lh -> Rates.rate(new HB(Math.exp(lh), bestM.applyAsDouble(Math.exp(lh))), s),
                    Math.log(1e-4 / l), Math.log(8 / l), 61);
            double h = Math.exp(logH);
            best = new HB(h, bestM.applyAsDouble(h));
            double onActive = Rates.rate(best, s);
            full = Rates.rate(best, points);
            if (full - onActive <= 1e-12) {
                break;
            }
            active.add(Rates.worstPoint(best, points));
        }
        return new Tuned<>(best, full);
    }

    /** @return the argument in {@code [lo, hi]} minimizing {@code f}: grid of {@code n} points, then Brent. */
    private static double minimize(DoubleUnaryOperator f, double lo, double hi, int n) {
        int bestK = 0;
        double bestV = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            double v = f.applyAsDouble(lo + (hi - lo) * k / (n - 1));
            if (v < bestV) {
                bestV = v;
                bestK = k;
            }
        }
        double x0 = lo + (hi - lo) * bestK / (n - 1);
        double a = lo + (hi - lo) * Math.max(0, bestK - 1) / (n - 1), b = lo + (hi - lo) * Math.min(n - 1, bestK + 1) / (n - 1);
        UnivariatePointValuePair p = new BrentOptimizer(1e-12, 1e-14).optimize(new MaxEval(10_000), GoalType.MINIMIZE,
                new SearchInterval(a, b, x0), new UnivariateObjectiveFunction(f::applyAsDouble));
        return p.getValue() < bestV ? p.getPoint() : x0;
    }

    private static Complex[] stride(Complex[] pts, int s) {
        int n = (pts.length + s - 1) / s;
        var out = new Complex[n + 1];
        for (int k = 0; k < n; k++) {
            out[k] = pts[k * s];
        }
        out[n] = pts[pts.length - 1];
        return out;
    }

    /** Best heavy ball on a shape's boundary (maximum principle). */
    public static Tuned<HB> bestHeavyBall(Shape shape) {
        return bestHeavyBall(shape.boundarySample(Rates.POINTS_PER_CURVE));
    }

    /** Best MEG {@code (h, m)} for fixed {@code γ} by direct min–max: HB on {@code φ_γ(K)}. */
    public static Tuned<MEG> bestMomentumExtragradient(Shape shape, double gamma) {
        Complex[] pts = Arrays.stream(shape.boundarySample(Rates.POINTS_PER_CURVE))
                .map(z -> FirstOrderMethod.extrapolation(z, gamma)).toArray(Complex[]::new);
        Tuned<HB> hb = bestHeavyBall(pts);
        return new Tuned<>(new MEG(hb.method().h(), gamma, hb.method().m()), hb.rate());
    }

    /**
     * Result of Algorithm ELLFIT: the ellipse {@code (c, a, b)} through the arc's endpoints and the heavy ball
     * whose rate region it is.
     *
     * @param c    ellipse centre
     * @param a    real semi-axis
     * @param b    imaginary semi-axis
     * @param rho  {@code ρ_E(c, a, b)}, the HB rate on the whole arc
     * @param h    HB step {@code 2ρ/(a+b)}
     * @param m    HB momentum {@code ρ²(a-b)/(a+b)}
     */
    public record EllipseFit(double c, double a, double b, double rho, double h, double m) {

        /** @return MEG with these parameters and extrapolation {@code γ}. */
        public MEG meg(double gamma) {
            return new MEG(h, gamma, m);
        }

        /** @return ACO with these parameters and consensus weight {@code γ}. */
        public ACO aco(double gamma) {
            return new ACO(h, gamma, m);
        }
    }

    /**
     * Algorithm ELLFIT (spectral-shapes.md §6.7) [derived]: optimal HB parameters for the arc
     * {@code {γu + i√u : u in [σmin², σmax²]}} that MEG and ACO produce from a bilinear shape. For a centre
     * {@code c} the ellipse through both endpoints has {@code (1/a², 1/b²)} from a 2×2 linear system; the arc lies
     * inside because {@code ((γu - c)/a)² + u/b²} is convex in {@code u}. {@code ρ(c)} is minimized over
     * {@code c} by a grid over {@code [0.5 min x_k, 2 max x_k]} and bounded Brent.
     *
     * @param gamma    extrapolation / consensus weight, {@code > 0}
     * @param sigmaMin smallest singular value, {@code > 0}
     * @param sigmaMax largest singular value, {@code > sigmaMin}
     * @return the fitted ellipse and HB parameters
     */
    public static EllipseFit ellfit(double gamma, double sigmaMin, double sigmaMax) {
        if (!(gamma > 0) || !(sigmaMin > 0) || !(sigmaMax > sigmaMin)) {
            throw new IllegalArgumentException("ELLFIT needs gamma > 0 and 0 < sigmaMin < sigmaMax, got gamma = " + gamma
                    + ", sigmaMin = " + sigmaMin + ", sigmaMax = " + sigmaMax);
        }
        double x1 = gamma * sigmaMin * sigmaMin, y1 = sigmaMin;
        double x2 = gamma * sigmaMax * sigmaMax, y2 = sigmaMax;
        java.util.function.DoubleUnaryOperator rhoOf = c -> {
            double[] ab = axes(c, x1, y1, x2, y2);
            return ab == null ? Double.POSITIVE_INFINITY : ConvergenceFactor.ellipse(c, ab[0], ab[1]);
        };
        double lo = 0.5 * x1, hi = 2 * x2;
        int n = 4000;
        double bestC = Double.NaN, bestV = Double.POSITIVE_INFINITY;
        int bestK = -1;
        for (int k = 0; k <= n; k++) {
            double c = lo + (hi - lo) * k / n;
            double v = rhoOf.applyAsDouble(c);
            if (v < bestV) {
                bestV = v;
                bestC = c;
                bestK = k;
            }
        }
        if (bestK < 0) {
            throw new IllegalStateException("ELLFIT found no admissible ellipse for gamma = " + gamma);
        }
        double a = lo + (hi - lo) * Math.max(0, bestK - 1) / n, b = lo + (hi - lo) * Math.min(n, bestK + 1) / n;
        UnivariatePointValuePair p = new BrentOptimizer(1e-14, 1e-300).optimize(new MaxEval(10_000),
                GoalType.MINIMIZE, new SearchInterval(a, b, bestC),
                new UnivariateObjectiveFunction(rhoOf::applyAsDouble));
        double c = p.getValue() < bestV ? p.getPoint() : bestC;
        double[] ab = axes(c, x1, y1, x2, y2);
        double rho = ConvergenceFactor.ellipse(c, ab[0], ab[1]);
        double sum = ab[0] + ab[1];
        return new EllipseFit(c, ab[0], ab[1], rho, 2 * rho / sum, rho * rho * (ab[0] - ab[1]) / sum);
    }

    /** @return {@code {a, b}} of the axis-aligned ellipse centred at {@code c} through both points, or null. */
    private static double[] axes(double c, double x1, double y1, double x2, double y2) {
        // (x_k - c)² p + y_k² q = 1 for p = 1/a², q = 1/b²
        double a11 = (x1 - c) * (x1 - c), a12 = y1 * y1, a21 = (x2 - c) * (x2 - c), a22 = y2 * y2;
        double det = a11 * a22 - a12 * a21;
        if (det == 0) {
            return null;
        }
        double p = (a22 - a12) / det, q = (a11 - a21) / det;
        if (!(p > 0) || !(q > 0)) {
            return null;
        }
        double a = 1 / Math.sqrt(p), b = 1 / Math.sqrt(q);
        return c > a ? new double[] {a, b} : null;
    }

    /**
     * The ellipse of smallest {@code ρ_E} centred at {@code c = (L+μ)/2} through the four corners of the rectangle
     * {@code [μ, L] × [-ε', ε']} (spectral-shapes.md §10.6): a bounded Brent search over
     * {@code a in ((L-μ)/2, c)} with {@code b = ε'/√(1 - ((L-μ)/(2a))²)}. (Scaling both semi-axes by √2 instead
     * would contain 0 for {@code κ > 5.83}.)
     *
     * @param mu       left edge, {@code > 0}
     * @param l        right edge, {@code > mu}
     * @param epsPrime half-height, {@code > 0}
     * @return the enclosing ellipse
     */
    public static Shape.Ellipse enclosingEllipse(double mu, double l, double epsPrime) {
        if (!(mu > 0) || !(l > mu) || !(epsPrime > 0)) {
            throw new IllegalArgumentException("need 0 < mu < L and epsPrime > 0, got mu = " + mu + ", L = " + l
                    + ", epsPrime = " + epsPrime);
        }
        double c = (l + mu) / 2, half = (l - mu) / 2;
        DoubleUnaryOperator bOf = a -> epsPrime / Math.sqrt(1 - (half / a) * (half / a));
        DoubleUnaryOperator rho = a -> ConvergenceFactor.ellipse(c, a, bOf.applyAsDouble(a));
        double lo = half * (1 + 1e-12), hi = c * (1 - 1e-12);
        double a = minimize(rho, lo, hi, 2001);
        return new Shape.Ellipse(c, a, bOf.applyAsDouble(a));
    }
}
