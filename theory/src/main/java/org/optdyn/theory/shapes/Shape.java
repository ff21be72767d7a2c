package org.optdyn.theory.shapes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.hipparchus.complex.Complex;

/**
 * A spectral shape: a compact set {@code K} of the complex plane, symmetric under conjugation, that contains the
 * spectrum of the Jacobian at equilibrium of every game of a family (spectral-shapes.md §2, after [AS20]
 * Azizian, Scieur, Mitliagkas, Lacoste-Julien, Gidel, AISTATS 2020).
 *
 * <p>A shape knows its boundary as smooth {@link Curve curves} (used for the maximum-principle evaluation of
 * rates, §5, and for Algorithm GREEN, §4.3) and whether its interior belongs to it ({@link #filled()}; the
 * non-analytic consensus maps of CO/ACO must be evaluated on the filled set, not only the boundary).
 */
public sealed interface Shape {

    /** @return the boundary pieces (for a curve-like shape, the shape itself). */
    List<Curve> boundary();

    /** @return whether the interior of the boundary belongs to the shape (disk, ellipse, half-disk, polygon). */
    boolean filled();

    /**
     * @param z   a point
     * @param tol distance tolerance for curve-like shapes
     * @return whether {@code z} belongs to the shape (up to {@code tol} for curves and points)
     */
    boolean contains(Complex z, double tol);

    /**
     * Samples the boundary: {@code pointsPerCurve} points per curve, endpoints included.
     *
     * @param pointsPerCurve at least 2 (the doc's rate evaluations use at least 4001)
     * @return the sample points
     */
    default Complex[] boundarySample(int pointsPerCurve) {
        var out = new ArrayList<Complex>();
        for (Curve c : boundary()) {
            out.addAll(Arrays.asList(c.sample(pointsPerCurve)));
        }
        return out.toArray(Complex[]::new);
    }

    /**
     * Samples the whole set: the boundary sample plus, for a filled shape, the points of a
     * {@code gridPerAxis x gridPerAxis} grid over its bounding box that lie inside.
     *
     * @param gridPerAxis    grid resolution per axis, at least 2
     * @param pointsPerCurve boundary points per curve
     * @return the sample points
     */
    default Complex[] filledSample(int gridPerAxis, int pointsPerCurve) {
        Complex[] b = boundarySample(pointsPerCurve);
        if (!filled()) {
            return b;
        }
        if (gridPerAxis < 2) {
            throw new IllegalArgumentException("gridPerAxis must be >= 2, got " + gridPerAxis);
        }
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (Complex z : b) {
            x0 = Math.min(x0, z.getReal());
            x1 = Math.max(x1, z.getReal());
            y0 = Math.min(y0, z.getImaginary());
            y1 = Math.max(y1, z.getImaginary());
        }
        var out = new ArrayList<>(Arrays.asList(b));
        for (int i = 0; i < gridPerAxis; i++) {
            for (int j = 0; j < gridPerAxis; j++) {
                var z = new Complex(x0 + (x1 - x0) * i / (gridPerAxis - 1), y0 + (y1 - y0) * j / (gridPerAxis - 1));
                if (contains(z, 0.0)) {
                    out.add(z);
                }
            }
        }
        return out.toArray(Complex[]::new);
    }

    private static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + v);
        }
    }

    private static boolean onSegment(Complex z, Complex a, Complex b, double tol) {
        double dx = b.getReal() - a.getReal(), dy = b.getImaginary() - a.getImaginary();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : ((z.getReal() - a.getReal()) * dx + (z.getImaginary() - a.getImaginary()) * dy) / len2;
        t = Math.max(0, Math.min(1, t));
        double ex = z.getReal() - a.getReal() - t * dx, ey = z.getImaginary() - a.getImaginary() - t * dy;
        return Math.hypot(ex, ey) <= tol;
    }

    /**
     * A real interval {@code [lo, hi]}: the spectral shape of quadratic minimization ({@code Segment(mu, L)}).
     *
     * @param lo left end
     * @param hi right end, {@code > lo}
     */
    record Segment(double lo, double hi) implements Shape {
        public Segment {
            requireFinite("lo", lo);
            requireFinite("hi", hi);
            if (!(lo < hi)) {
                throw new IllegalArgumentException("Segment needs lo < hi, got lo = " + lo + ", hi = " + hi);
            }
        }

        @Override
        public List<Curve> boundary() {
            return List.of(Curve.segment(new Complex(lo), new Complex(hi)));
        }

        @Override
        public boolean filled() {
            return false;
        }

        @Override
        public boolean contains(Complex z, double tol) {
            return Math.abs(z.getImaginary()) <= tol && z.getReal() >= lo - tol && z.getReal() <= hi + tol;
        }
    }

    /**
     * The closed disk {@code |z - c| <= r}.
     *
     * @param c real centre
     * @param r radius, {@code > 0}
     */
    record Disk(double c, double r) implements Shape {
        public Disk {
            requireFinite("c", c);
            if (!(r > 0) || !Double.isFinite(r)) {
                throw new IllegalArgumentException("Disk radius r must be finite and > 0, got " + r);
            }
        }

        @Override
        public List<Curve> boundary() {
            return List.of(new Curve(t -> new Complex(c + r * Math.cos(2 * Math.PI * t), r * Math.sin(2 * Math.PI * t)),
                    true));
        }

        @Override
        public boolean filled() {
            return true;
        }

        @Override
        public boolean contains(Complex z, double tol) {
            return Math.hypot(z.getReal() - c, z.getImaginary()) <= r + tol;
        }
    }

    /**
     * The filled ellipse {@code ((Re z - c)/a)^2 + (Im z/b)^2 <= 1}; {@code b = 0} is the real segment
     * {@code [c-a, c+a]}, {@code a = 0} the vertical segment {@code c + i[-b, b]}.
     *
     * @param c real centre
     * @param a real semi-axis, {@code >= 0}
     * @param b imaginary semi-axis, {@code >= 0}, not both zero
     */
    record Ellipse(double c, double a, double b) implements Shape {
        public Ellipse {
            requireFinite("c", c);
            requireFinite("a", a);
            requireFinite("b", b);
            if (a < 0 || b < 0 || (a == 0 && b == 0)) {
                throw new IllegalArgumentException("Ellipse needs a >= 0, b >= 0, not both 0, got a = " + a + ", b = " + b);
            }
        }

        @Override
        public List<Curve> boundary() {
            if (b == 0) {
                return List.of(Curve.segment(new Complex(c - a), new Complex(c + a)));
            }
            if (a == 0) {
                return List.of(Curve.segment(new Complex(c, -b), new Complex(c, b)));
            }
            return List.of(new Curve(t -> new Complex(c + a * Math.cos(2 * Math.PI * t), b * Math.sin(2 * Math.PI * t)),
                    true));
        }

        @Override
        public boolean filled() {
            return a > 0 && b > 0;
        }

        @Override
        public boolean contains(Complex z, double tol) {
            if (!filled()) {
                Curve seg = boundary().getFirst();
                return onSegment(z, seg.at().apply(0), seg.at().apply(1), tol);
            }
            double x = (z.getReal() - c) / (a + tol), y = z.getImaginary() / (b + tol);
            return x * x + y * y <= 1;
        }
    }

    /**
     * Purely imaginary eigenvalue pairs {@code {±iσ : σ in [σmin, σmax]}}: bilinear games
     * {@code min_x max_y xᵀBy} with singular values of {@code B} in {@code [σmin, σmax]}.
     *
     * @param sigmaMin smallest singular value, {@code > 0}
     * @param sigmaMax largest singular value, {@code >= sigmaMin}
     */
    record Bilinear(double sigmaMin, double sigmaMax) implements Shape {
        public Bilinear {
            requireFinite("sigmaMax", sigmaMax);
            if (!(sigmaMin > 0) || sigmaMax < sigmaMin) {
                throw new IllegalArgumentException("Bilinear needs 0 < sigmaMin <= sigmaMax, got sigmaMin = "
                        + sigmaMin + ", sigmaMax = " + sigmaMax);
            }
        }

        @Override
        public List<Curve> boundary() {
            return List.of(Curve.segment(new Complex(0, sigmaMin), new Complex(0, sigmaMax)),
                    Curve.segment(new Complex(0, -sigmaMax), new Complex(0, -sigmaMin)));
        }

        @Override
        public boolean filled() {
            return false;
        }

        @Override
        public boolean contains(Complex z, double tol) {
            double s = Math.abs(z.getImaginary());
            return Math.abs(z.getReal()) <= tol && s >= sigmaMin - tol && s <= sigmaMax + tol;
        }
    }

    /**
     * {@code {μ ± iσ : σ in [σmin, σmax]}}: regularized bilinear games {@code [[μI, B], [-Bᵀ, μI]]}.
     *
     * @param mu       real part, {@code > 0}
     * @param sigmaMin {@code >= 0}
     * @param sigmaMax {@code >= sigmaMin}, {@code > 0}
     */
    record ShiftedBilinear(double mu, double sigmaMin, double sigmaMax) implements Shape {
        public ShiftedBilinear {
            requireFinite("mu", mu);
            requireFinite("sigmaMax", sigmaMax);
            if (!(mu > 0) || sigmaMin < 0 || sigmaMax < sigmaMin || !(sigmaMax > 0)) {
                throw new IllegalArgumentException("ShiftedBilinear needs mu > 0, 0 <= sigmaMin <= sigmaMax, sigmaMax > 0,"
                        + " got mu = " + mu + ", sigmaMin = " + sigmaMin + ", sigmaMax = " + sigmaMax);
            }
        }

        @Override
        public List<Curve> boundary() {
            if (sigmaMin == 0) {
                return List.of(Curve.segment(new Complex(mu, -sigmaMax), new Complex(mu, sigmaMax)));
            }
            return List.of(Curve.segment(new Complex(mu, sigmaMin), new Complex(mu, sigmaMax)),
                    Curve.segment(new Complex(mu, -sigmaMax), new Complex(mu, -sigmaMin)));
        }

        @Override
        public boolean filled() {
            return false;
        }

        @Override
        public boolean contains(Complex z, double tol) {
            double s = Math.abs(z.getImaginary());
            return Math.abs(z.getReal() - mu) <= tol && s >= sigmaMin - tol && s <= sigmaMax + tol;
        }
    }

    /**
     * {@code K_{μ,L} = {Re z >= μ, |z| <= L}}: the shape of μ-strongly monotone, L-Lipschitz games.
     *
     * @param mu strong-monotonicity modulus, {@code > 0}
     * @param L  Lipschitz constant, {@code > mu}
     */
    record HalfDisk(double mu, double L) implements Shape {
        public HalfDisk {
            requireFinite("L", L);
            if (!(mu > 0) || !(L > mu)) {
                throw new IllegalArgumentException("HalfDisk needs 0 < mu < L, got mu = " + mu + ", L = " + L);
            }
        }

        /** @return the half-angle {@code arccos(μ/L)} of the arc. */
        public double halfAngle() {
            return Math.acos(mu / L);
        }

        @Override
        public List<Curve> boundary() {
            double th = halfAngle();
            double y = Math.sqrt(L * L - mu * mu);
            return List.of(new Curve(t -> new Complex(L * Math.cos(-th + 2 * th * t), L * Math.sin(-th + 2 * th * t)), false),
                    Curve.segment(new Complex(mu, y), new Complex(mu, -y)));
        }

        @Override
        public boolean filled() {
            return true;
        }

        @Override
        public boolean contains(Complex z, double tol) {
            return z.getReal() >= mu - tol && z.norm() <= L + tol;
        }
    }

    /**
     * A filled simple polygon (vertices in order; the caller makes it conjugation-symmetric).
     *
     * @param vertices at least 3 vertices
     */
    record Polygon(List<Complex> vertices) implements Shape {
        public Polygon {
            vertices = List.copyOf(vertices);
            if (vertices.size() < 3) {
                throw new IllegalArgumentException("Polygon needs >= 3 vertices, got " + vertices.size());
            }
        }

        @Override
        public List<Curve> boundary() {
            var out = new ArrayList<Curve>();
            for (int k = 0; k < vertices.size(); k++) {
                out.add(Curve.segment(vertices.get(k), vertices.get((k + 1) % vertices.size())));
            }
            return List.copyOf(out);
        }

        @Override
        public boolean filled() {
            return true;
        }

        @Override
        public boolean contains(Complex z, double tol) {
            boolean inside = false;
            int n = vertices.size();
            for (int i = 0, j = n - 1; i < n; j = i++) {
                Complex a = vertices.get(i), b = vertices.get(j);
                if (onSegment(z, a, b, tol)) {
                    return true;
                }
                if ((a.getImaginary() > z.getImaginary()) != (b.getImaginary() > z.getImaginary())) {
                    double xCross = a.getReal() + (z.getImaginary() - a.getImaginary())
                            * (b.getReal() - a.getReal()) / (b.getImaginary() - a.getImaginary());
                    if (z.getReal() < xCross) {
                        inside = !inside;
                    }
                }
            }
            return inside;
        }
    }

    /**
     * A finite, conjugation-closed set of points (the exact spectrum of one game). Its asymptotic convergence
     * factor is 0 (a finite set has capacity 0).
     *
     * @param points the points, at least one
     */
    record Points(List<Complex> points) implements Shape {
        public Points {
            points = List.copyOf(points);
            if (points.isEmpty()) {
                throw new IllegalArgumentException("Points needs at least one point");
            }
        }

        /** @return the points as a shape. */
        public static Points of(Complex... z) {
            return new Points(Arrays.asList(z));
        }

        @Override
        public List<Curve> boundary() {
            return points.stream().map(z -> new Curve(t -> z, false)).toList();
        }

        @Override
        public Complex[] boundarySample(int pointsPerCurve) {
            return points.toArray(Complex[]::new);
        }

        @Override
        public boolean filled() {
            return false;
        }

        @Override
        public boolean contains(Complex z, double tol) {
            return points.stream().anyMatch(p -> p.subtract(z).norm() <= tol);
        }
    }

    /**
     * The union of shapes (Algorithm GREEN additionally needs the members to be disjoint).
     *
     * @param members at least one shape
     */
    record Union(List<Shape> members) implements Shape {
        public Union {
            members = List.copyOf(members);
            if (members.isEmpty()) {
                throw new IllegalArgumentException("Union needs at least one member");
            }
        }

        /** @return the union of the given shapes. */
        public static Union of(Shape... s) {
            return new Union(Arrays.asList(s));
        }

        @Override
        public List<Curve> boundary() {
            return members.stream().flatMap(s -> s.boundary().stream()).toList();
        }

        @Override
        public Complex[] boundarySample(int pointsPerCurve) {
            return members.stream().flatMap(s -> Arrays.stream(s.boundarySample(pointsPerCurve))).toArray(Complex[]::new);
        }

        @Override
        public Complex[] filledSample(int gridPerAxis, int pointsPerCurve) {
            return members.stream().flatMap(s -> Arrays.stream(s.filledSample(gridPerAxis, pointsPerCurve)))
                    .toArray(Complex[]::new);
        }

        @Override
        public boolean filled() {
            return members.stream().anyMatch(Shape::filled);
        }

        @Override
        public boolean contains(Complex z, double tol) {
            return members.stream().anyMatch(s -> s.contains(z, tol));
        }
    }

    /**
     * The image {@code map(base)} of a shape under a continuous map, e.g. the extrapolation map
     * {@code φ_γ(λ) = λ(1 - γλ)} of extragradient or {@code λ -> -λ²} of SQ-HB (spectral-shapes.md §5).
     * Boundary and filled samples are the images of the base's samples; for an analytic (open) map the image of
     * the boundary contains the boundary of the image, so maximum-principle evaluations remain valid.
     *
     * @param base the shape being mapped
     * @param map  the map
     * @param name a label such as "φ_γ(K), γ = 0.1"
     */
    record Transformed(Shape base, UnaryOperator<Complex> map, String name) implements Shape {
        public Transformed {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(map, "map");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public List<Curve> boundary() {
            return base.boundary().stream().map(c -> new Curve(t -> map.apply(c.at().apply(t)), c.closed())).toList();
        }

        @Override
        public Complex[] boundarySample(int pointsPerCurve) {
            return Arrays.stream(base.boundarySample(pointsPerCurve)).map(map).toArray(Complex[]::new);
        }

        @Override
        public Complex[] filledSample(int gridPerAxis, int pointsPerCurve) {
            return Arrays.stream(base.filledSample(gridPerAxis, pointsPerCurve)).map(map).toArray(Complex[]::new);
        }

        @Override
        public boolean filled() {
            return base.filled();
        }

        /** Membership of an image is not decidable from the map alone; tests the sampled image. */
        @Override
        public boolean contains(Complex z, double tol) {
            return Arrays.stream(filledSample(201, 4001)).anyMatch(p -> p.subtract(z).norm() <= tol);
        }
    }
}
