package org.optdyn.games;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

import org.hipparchus.complex.Complex;
import org.optdyn.theory.shapes.Shape;

/**
 * Draws a conjugation-closed spectrum that fills a {@link Shape}, as one eigenvalue per real invariant block
 * (real eigenvalues use one dimension, pairs {@code x ± iy} two) — spectral-shapes.md §9.1. The extreme points of
 * the shape are always included (e.g. {@code c ± a} and {@code c + ib} of an ellipse, both ends of a segment or
 * singular-value interval, the corners of a half-disk), so that the maximizer of a method's spectral radius over
 * the shape is usually in the spectrum; callers may add further points (e.g. {@code Rates.worstPoint}).
 */
public final class SpectrumSampler {

    private SpectrumSampler() {
    }

    private static int dims(Complex z) {
        return z.getImaginary() == 0 ? 1 : 2;
    }

    /**
     * @param shape     segment, disk, ellipse, bilinear, shifted bilinear, half-disk, points, or a union of them
     * @param dimension total real dimension {@code p}
     * @param rng       the random stream
     * @param include   points that must be in the spectrum (taken with {@code Im >= 0})
     * @return block eigenvalues ({@code Im >= 0}) whose dimensions add up to {@code dimension}
     */
    public static Complex[] sample(Shape shape, int dimension, RandomGenerator rng, List<Complex> include) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(rng, "rng");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        var out = new ArrayList<Complex>();
        int used = 0;
        for (Complex z : include) {
            Complex u = new Complex(z.getReal(), Math.abs(z.getImaginary()));
            out.add(u);
            used += dims(u);
        }
        used = fill(shape, dimension - used, rng, out, used, true);
        if (used != dimension) {
            throw new IllegalArgumentException("cannot fill dimension " + dimension + " with the blocks of " + shape
                    + " (got " + used + ")");
        }
        return out.toArray(Complex[]::new);
    }

    private static int fill(Shape shape, int budget, RandomGenerator rng, List<Complex> out, int used, boolean extremes) {
        if (budget < 0) {
            throw new IllegalArgumentException("included points exceed the dimension");
        }
        if (shape instanceof Shape.Union u) {
            int members = u.members().size();
            int left = budget;
            for (int k = 0; k < members; k++) {
                int share = k == members - 1 ? left : 2 * (budget / (2 * members));
                int before = used;
                used = fill(u.members().get(k), share, rng, out, used, extremes);
                left -= used - before;
            }
            return used;
        }
        int target = used + budget;
        if (extremes) {
            for (Complex z : extremes(shape)) {
                if (used + dims(z) <= target) {
                    out.add(z);
                    used += dims(z);
                }
            }
        }
        int guard = 0;
        while (used < target && guard++ < 100 * (budget + 10)) {
            Complex z = draw(shape, rng, target - used == 1);
            if (z != null && used + dims(z) <= target) {
                out.add(z);
                used += dims(z);
            }
        }
        return used;
    }

    private static List<Complex> extremes(Shape shape) {
        return switch (shape) {
            case Shape.Segment s -> List.of(new Complex(s.lo()), new Complex(s.hi()));
            case Shape.Disk d -> List.of(new Complex(d.c() - d.r()), new Complex(d.c() + d.r()), new Complex(d.c(), d.r()));
            case Shape.Ellipse e -> e.b() == 0 ? List.of(new Complex(e.c() - e.a()), new Complex(e.c() + e.a()))
                    : e.a() == 0 ? List.of(new Complex(e.c(), e.b()))
                    : List.of(new Complex(e.c() - e.a()), new Complex(e.c() + e.a()), new Complex(e.c(), e.b()));
            case Shape.Bilinear b -> List.of(new Complex(0, b.sigmaMin()), new Complex(0, b.sigmaMax()));
            case Shape.ShiftedBilinear s -> List.of(new Complex(s.mu(), s.sigmaMin()), new Complex(s.mu(), s.sigmaMax()));
            case Shape.HalfDisk h -> List.of(new Complex(h.mu(), Math.sqrt(h.L() * h.L() - h.mu() * h.mu())),
                    new Complex(h.L()), new Complex(h.mu()));
            case Shape.Points p -> p.points().stream().filter(z -> z.getImaginary() >= 0).toList();
            default -> throw new IllegalArgumentException("no sampler for " + shape);
        };
    }

    /** One random point of the shape ({@code Im >= 0}); {@code wantReal} asks for a real one if the shape has any. */
    private static Complex draw(Shape shape, RandomGenerator rng, boolean wantReal) {
        return switch (shape) {
            case Shape.Segment s -> new Complex(s.lo() + (s.hi() - s.lo()) * rng.nextDouble());
            case Shape.Disk d -> ellipsePoint(d.c(), d.r(), d.r(), rng, wantReal);
            case Shape.Ellipse e -> ellipsePoint(e.c(), e.a(), e.b(), rng, wantReal);
            case Shape.Bilinear b -> wantReal ? null
                    : new Complex(0, b.sigmaMin() + (b.sigmaMax() - b.sigmaMin()) * rng.nextDouble());
            case Shape.ShiftedBilinear s -> wantReal ? (s.sigmaMin() == 0 ? new Complex(s.mu()) : null)
                    : new Complex(s.mu(), s.sigmaMin() + (s.sigmaMax() - s.sigmaMin()) * rng.nextDouble());
            case Shape.HalfDisk h -> {
                // §9.1.5: eigenvalues on the arc L e^{iθ} and on the chord μ + iy
                if (wantReal) {
                    yield new Complex(h.mu());
                }
                double ymax = Math.sqrt(h.L() * h.L() - h.mu() * h.mu());
                double th = h.halfAngle() * rng.nextDouble();
                yield rng.nextBoolean() ? new Complex(h.L() * Math.cos(th), h.L() * Math.sin(th))
                        : new Complex(h.mu(), ymax * rng.nextDouble());
            }
            case Shape.Points p -> p.points().get(rng.nextInt(p.points().size()));
            default -> throw new IllegalArgumentException("no sampler for " + shape);
        };
    }

    /** §9.1.4: uniform in the upper half-ellipse, {@code s = √U}, {@code φ ~ Unif(0, π)}. */
    private static Complex ellipsePoint(double c, double a, double b, RandomGenerator rng, boolean wantReal) {
        if (wantReal || b == 0) {
            return a > 0 ? new Complex(c + a * (2 * rng.nextDouble() - 1)) : new Complex(c);
        }
        double s = Math.sqrt(rng.nextDouble()), phi = Math.PI * rng.nextDouble();
        double y = b * s * Math.sin(phi);
        return y > 0 ? new Complex(c + a * s * Math.cos(phi), y) : null;
    }
}
