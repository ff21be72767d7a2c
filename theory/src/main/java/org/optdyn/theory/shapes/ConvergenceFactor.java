package org.optdyn.theory.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.hipparchus.complex.Complex;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * The asymptotic convergence factor {@code ρ(K) = exp(-g_K(0))} of a shape: the best rate per oracle call any
 * oblivious first-order method can achieve on it (spectral-shapes.md §4; Eiermann, Niethammer, Varga 1985;
 * Nevanlinna 1993; used by [AS20]). By Bernstein–Walsh, {@code max_K |p_N| >= ρ(K)^N} for every residual
 * polynomial of degree {@code N}.
 */
public final class ConvergenceFactor {

    /** Default number of panels of Algorithm GREEN (§4.3: about {@code 1e-6} on segments, {@code 1e-5} on disks). */
    public static final int DEFAULT_PANELS = 800;

    private ConvergenceFactor() {
    }

    /**
     * The closed forms of §4.2: segment {@code (√κ-1)/(√κ+1)}, disk {@code r/c}, ellipse
     * {@code (a+b)/(c+√(c²-a²+b²))}, bilinear {@code √((σmax-σmin)/(σmax+σmin))} and shifted bilinear (pull-back
     * rule through {@code q(z) = z(2μ - z)}); a finite point set has capacity 0, hence {@code ρ = 0}.
     *
     * @param shape the shape
     * @return the closed form, or empty when the doc gives none (half-disk, polygon, union, image)
     * @throws IllegalArgumentException if 0 is not in the unbounded component of the complement of {@code shape}
     */
    public static OptionalDouble closedForm(Shape shape) {
        return switch (shape) {
            case Shape.Segment s -> {
                requireOutside(s.lo() > 0 || s.hi() < 0, shape);
                double lo = Math.min(Math.abs(s.lo()), Math.abs(s.hi())), hi = Math.max(Math.abs(s.lo()), Math.abs(s.hi()));
                yield OptionalDouble.of((Math.sqrt(hi) - Math.sqrt(lo)) / (Math.sqrt(hi) + Math.sqrt(lo)));
            }
            case Shape.Disk d -> {
                requireOutside(Math.abs(d.c()) > d.r(), shape);
                yield OptionalDouble.of(d.r() / Math.abs(d.c()));
            }
            case Shape.Ellipse e -> {
                requireOutside(e.c() > e.a(), shape);
                yield OptionalDouble.of(ellipse(e.c(), e.a(), e.b()));
            }
            case Shape.Bilinear b -> OptionalDouble.of(Math.sqrt((b.sigmaMax() - b.sigmaMin()) / (b.sigmaMax() + b.sigmaMin())));
            case Shape.ShiftedBilinear s -> {
                double p = Math.hypot(s.mu(), s.sigmaMax()), q = Math.hypot(s.mu(), s.sigmaMin());
                yield OptionalDouble.of(Math.sqrt((p - q) / (p + q)));
            }
            case Shape.Points p -> {
                requireOutside(p.points().stream().noneMatch(z -> z.norm() == 0), shape);
                yield OptionalDouble.of(0.0);
            }
            case Shape.HalfDisk h -> OptionalDouble.empty();
            case Shape.Polygon p -> OptionalDouble.empty();
            case Shape.Union u -> OptionalDouble.empty();
            case Shape.Transformed t -> OptionalDouble.empty();
        };
    }

    /** @return {@code ρ_E = (a+b)/(c+√(c²-a²+b²))} of {@code Ellipse(c, a, b)} (§4.2, continuous in {@code (a, b)}). */
    public static double ellipse(double c, double a, double b) {
        return (a + b) / (c + Math.sqrt(c * c - a * a + b * b));
    }

    private static void requireOutside(boolean ok, Shape shape) {
        if (!ok) {
            throw new IllegalArgumentException("0 must lie outside the shape (in the unbounded component of its"
                    + " complement) for a lower bound, got " + shape);
        }
    }

    /** @return the closed form where one exists, otherwise Algorithm GREEN with {@link #DEFAULT_PANELS} panels. */
    public static double of(Shape shape) {
        OptionalDouble c = closedForm(shape);
        return c.isPresent() ? c.getAsDouble() : green(shape, DEFAULT_PANELS).rho();
    }

    /**
     * Result of Algorithm GREEN.
     *
     * @param rho         {@code ρ(K) = exp(V - Σ q_j Φ_j(0))}
     * @param logCapacity {@code log cap(K) = V}
     * @param panels      number of panels used
     */
    public record GreenResult(double rho, double logCapacity, int panels) {
    }

    /**
     * Algorithm GREEN (spectral-shapes.md §4.3): equilibrium-charge collocation with uniformly charged straight
     * panels. The boundary curves are split into panels in proportion to their lengths, with cosine clustering
     * towards the ends of open curves (corners) and uniform spacing on closed curves. Unknowns: panel charges
     * {@code q_j} and the constant {@code V}; equations {@code Σ_j q_j Φ_j(z_i) = V} at panel midpoints and
     * {@code Σ q_j = 1}, solved by LU. The panel potential is
     * {@code Φ_j(z) = log|B-A| + Re[ω log ω - (ω-1) log(ω-1)] - 1}, {@code ω = (z-A)/(B-A)}.
     *
     * @param shape  the shape (boundary curves disjoint except at shared corners; not a finite point set)
     * @param panels number of panels, at least 8
     * @return {@code ρ(K)} and {@code log cap(K)}
     */
    public static GreenResult green(Shape shape, int panels) {
        if (panels < 8) {
            throw new IllegalArgumentException("panels must be >= 8, got " + panels);
        }
        if (shape instanceof Shape.Points) {
            throw new IllegalArgumentException("a finite point set has capacity 0: ρ = 0, GREEN does not apply");
        }
        List<Curve> curves = shape.boundary();
        double[] lengths = new double[curves.size()];
        double total = 0;
        for (int k = 0; k < curves.size(); k++) {
            Complex[] s = curves.get(k).sample(1001);
            for (int i = 1; i < s.length; i++) {
                lengths[k] += s[i].subtract(s[i - 1]).norm();
            }
            if (curves.get(k).closed()) {
                lengths[k] += s[0].subtract(s[s.length - 1]).norm();
            }
            total += lengths[k];
        }
        var a = new ArrayList<Complex>();
        var b = new ArrayList<Complex>();
        for (int k = 0; k < curves.size(); k++) {
            Curve c = curves.get(k);
            int n = Math.max(2, (int) Math.round(panels * lengths[k] / total));
            for (int i = 0; i < n; i++) {
                double t0 = c.closed() ? (double) i / n : 0.5 * (1 - Math.cos(Math.PI * i / n));
                double t1 = c.closed() ? (double) (i + 1) / n : 0.5 * (1 - Math.cos(Math.PI * (i + 1) / n));
                a.add(c.at().apply(t0));
                b.add(c.at().apply(t1));
            }
        }
        int m = a.size();
        RealMatrix sys = MatrixUtils.createRealMatrix(m + 1, m + 1);
        for (int i = 0; i < m; i++) {
            Complex zi = a.get(i).add(b.get(i)).divide(2);
            for (int j = 0; j < m; j++) {
                sys.setEntry(i, j, panelPotential(a.get(j), b.get(j), zi));
            }
            sys.setEntry(i, m, -1);
        }
        for (int j = 0; j < m; j++) {
            sys.setEntry(m, j, 1);
        }
        RealVector rhs = MatrixUtils.createRealVector(m + 1);
        rhs.setEntry(m, 1);
        RealVector x = new LUDecomposition(sys).getSolver().solve(rhs);
        double v = x.getEntry(m);
        double at0 = 0;
        for (int j = 0; j < m; j++) {
            at0 += x.getEntry(j) * panelPotential(a.get(j), b.get(j), Complex.ZERO);
        }
        return new GreenResult(Math.exp(v - at0), v, m);
    }

    /** @return the mean of {@code log|z - s|} over the straight panel {@code s in [A, B]} (§4.3). */
    static double panelPotential(Complex a, Complex b, Complex z) {
        // primitive arithmetic (this fills the M×M collocation matrix): ω = (z - A)/(B - A)
        double dr = b.getReal() - a.getReal(), di = b.getImaginary() - a.getImaginary();
        double d2 = dr * dr + di * di;
        double nr = z.getReal() - a.getReal(), ni = z.getImaginary() - a.getImaginary();
        double wr = (nr * dr + ni * di) / d2, wi = (ni * dr - nr * di) / d2;
        return 0.5 * Math.log(d2) + xLogX(wr, wi) - xLogX(wr - 1, wi) - 1;
    }

    /** @return {@code Re[w log w]} (principal logarithm), 0 at {@code w = 0}. */
    private static double xLogX(double wr, double wi) {
        double m = Math.hypot(wr, wi);
        return m == 0 ? 0 : wr * Math.log(m) - wi * Math.atan2(wi, wr);
    }
}
